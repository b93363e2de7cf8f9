import { describe, expect, it } from 'vitest';
import { exportFileName, FileProblem, readJsonFile } from './transfer.ts';

describe('dashboard files', () => {
  it('names the export after the dashboard, in characters every file system accepts', () => {
    expect(exportFileName('Cash Flow')).toBe('cash-flow.dashboard.json');
    expect(exportFileName('Q3 / Q4: “Budget” Watch!')).toBe('q3-q4-budget-watch.dashboard.json');
    expect(exportFileName('***')).toBe('dashboard.dashboard.json');
  });

  it('reads a chosen file as JSON, and says plainly when it is not', async () => {
    const file = (text: string) => new File([text], 'x.json', { type: 'application/json' });
    expect(await readJsonFile(file('{"name":"A","layout":[]}'))).toEqual({ name: 'A', layout: [] });
    await expect(readJsonFile(file('not json'))).rejects.toThrow(FileProblem);
    await expect(readJsonFile(file(`"${'x'.repeat(1024 * 1024)}"`))).rejects.toThrow(/too large/);
  });
});
