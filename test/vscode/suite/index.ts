// The extension-host side: a Mocha (tdd) run over the bundled scenarios.
import Mocha from 'mocha';
import { registerScenarios } from './scenarios';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: true, timeout: 60_000 });
  mocha.suite.emit('pre-require', globalThis, 'scenarios', mocha);
  registerScenarios();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} scenario(s) failed`)) : resolve()));
  });
}
