import { expect, it } from 'vitest';
import { TeeEvents } from '../../../src-main/tray/teeEvents.ts';
import { RecordingEvents } from '../../../src-main/ports/recordingPorts.ts';

it('forwards every event to the window and to listeners, whose errors never block the window', () => {
  const window = new RecordingEvents();
  const tee = new TeeEvents(window);
  const heard: string[] = [];
  tee.listen(() => {
    throw new Error('listener bug');
  });
  const stop = tee.listen((event) => heard.push(event));
  tee.emit('links.changed', { count: 1 });
  stop();
  tee.emit('links.changed', { count: 2 });
  expect(window.emitted.map((e) => e.payload)).toEqual([{ count: 1 }, { count: 2 }]);
  expect(heard).toEqual(['links.changed']);
});
