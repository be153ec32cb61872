// Entry point: the page talks to the member that served it, or to the one named by ?api=<url>.
import { DashboardApp } from './app.js';
import { installTestHook } from './testHook.js';

const params = new URLSearchParams(location.search);
const byId = id => document.getElementById(id);

const room = byId('room');
if (params.get('room')) room.value = params.get('room');

const app = new DashboardApp(params.get('api') || location.origin, {
  room,
  publishNode: byId('publish-node'),
  watchNode: byId('watch-node'),
  publishCamera: byId('publish-camera'),
  publishScreen: byId('publish-screen'),
  stop: byId('stop'),
  refreshStreams: byId('refresh-streams'),
  notice: byId('notice'),
  self: byId('self'),
  tokenForm: byId('token-form'),
  tokenInput: byId('token'),
  tokenState: byId('token-state'),
  videos: byId('videos'),
  streamsBody: byId('streams-body'),
  pipeGraph: byId('pipe-graph'),
  pipeCaption: byId('pipe-caption'),
  memberCards: byId('member-cards'),
  membershipBody: byId('membership-body'),
  membershipNote: byId('membership-note'),
  connectionsBody: byId('connections-body'),
  connectionsSummary: byId('connections-summary'),
  log: byId('log'),
  logMember: byId('log-member'),
  logLevel: byId('log-level'),
  logCount: byId('log-count'),
});
installTestHook(app);
app.start();
