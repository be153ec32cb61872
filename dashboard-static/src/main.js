// Entry point: the page talks to the member that served it, or to the one named by ?api=<url>.
import { DashboardApp } from './app.js';
import { installTestHook } from './testHook.js';

const params = new URLSearchParams(location.search);
const byId = id => document.getElementById(id);

const room = byId('room');
if (params.get('room')) room.value = params.get('room');

const app = new DashboardApp(params.get('api') || location.origin, {
  room,
  member: byId('member'),
  publishCamera: byId('publish-camera'),
  publishScreen: byId('publish-screen'),
  stop: byId('stop'),
  refreshStreams: byId('refresh-streams'),
  notice: byId('notice'),
  self: byId('self'),
  streams: byId('streams'),
  videos: byId('videos'),
  membersBody: byId('members-body'),
  log: byId('log'),
});
installTestHook(app);
app.start();
