package dev.sfu.signaling.auth;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code sfu token}: prints an HS256 access token for a room, signed with the nodes' shared secret.
 * <pre>
 *   token --room R [--publish] [--subscribe] [--admin] [--ttl 1h] [--subject NAME] [--secret S]
 * </pre>
 * The secret comes from {@code --secret} or the {@code SFU_AUTH_SECRET} environment variable (preferred: a
 * command-line argument is visible to other local users in the process list).
 */
public final class TokenCommand {
    static final String SECRET_ENV = "SFU_AUTH_SECRET";
    static final String USAGE = "usage: token --room ROOM|'*' [--publish] [--subscribe] [--admin] [--ttl 1h]"
            + " [--subject NAME] [--secret SECRET (default: $" + SECRET_ENV + ")]";
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*([smhd])");

    private TokenCommand() {
    }

    public static void main(String[] args) {
        int status = run(args, System.getenv(), Clock.systemUTC(), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command; 0 on success, 2 on a usage error (explained on {@code err}). */
    static int run(String[] args, Map<String, String> env, Clock clock, PrintStream out, PrintStream err) {
        String room = null;
        String subject = "sfu-token";
        String secret = env.get(SECRET_ENV);
        Duration ttl = Duration.ofHours(1);
        Set<Right> rights = EnumSet.noneOf(Right.class);
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--room" -> room = valueOf(args, ++i, "--room");
                    case "--subject" -> subject = valueOf(args, ++i, "--subject");
                    case "--secret" -> secret = valueOf(args, ++i, "--secret");
                    case "--ttl" -> ttl = parseDuration(valueOf(args, ++i, "--ttl"));
                    case "--publish" -> rights.add(Right.PUBLISH);
                    case "--subscribe" -> rights.add(Right.SUBSCRIBE);
                    case "--admin" -> rights.add(Right.ADMIN);
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
                }
            }
            if (room == null) {
                throw new IllegalArgumentException("--room is required ('*' for every room)");
            }
            if (rights.isEmpty()) {
                throw new IllegalArgumentException("give at least one of --publish, --subscribe, --admin");
            }
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("no secret: pass --secret or set " + SECRET_ENV);
            }
            out.println(new TokenIssuer(secret, clock).issue(subject, room, rights, ttl));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("token: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
    }

    /** "90s", "30m", "1h", "7d", or ISO-8601 ("PT1H30M"). */
    static Duration parseDuration(String text) {
        Matcher matcher = SHORT_DURATION.matcher(text.trim());
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid duration '" + text + "' (e.g. 90s, 30m, 1h, 7d)");
        }
    }

    private static String valueOf(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
