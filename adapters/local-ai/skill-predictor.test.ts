import { describe, expect, it } from 'vitest';
import { skillFeatures } from './skill-features.js';
import { SkillModel } from './skill-model.js';
import { SkillPredictor } from './skill-predictor.js';

const predictor = new SkillPredictor();
const skills = (title: string, description = '', staff: string[] = []) => predictor.predict({ title, description }, staff).map((s) => s.skill);

describe('SkillPredictor', () => {
  it('maps exact alias tokens to their canonical skill', () => {
    expect(skills('k8s pod keeps restarting')).toContain('kubernetes');
    expect(skills('react app shows a blank page')).toContain('reactjs');
    expect(skills('Deploy fails', 'the js bundle throws on load')).toContain('javascript');
    expect(skills('Cannot push to gitlab')).toContain('git');
  });

  it('predicts programming skills with the trained model', () => {
    expect(skills('How to hash a password in PHP')).toEqual(['php']);
    expect(skills('Python script fails with ImportError')[0]).toBe('python');
    expect(skills('jQuery click handler not firing on dynamically added button')).toEqual(expect.arrayContaining(['jquery']));
  });

  it('predicts helpdesk skills from the IT-support lexicon', () => {
    expect(skills('VPN drops every hour')).toEqual(['vpn']);
    expect(skills('Printer on floor 3 jams')).toEqual(['printers']);
    expect(skills('Password reset', 'I am locked out of my account')).toEqual(['accounts']);
    expect(skills('Laptop will not boot')).toEqual(['hardware']);
    expect(skills('Wifi keeps dropping in the meeting room')).toEqual(['networking']);
    expect(skills('I clicked a link in a phishing email')).toContain('security');
  });

  it('ignores ordinary words that only sometimes name a skill in programming questions', () => {
    expect(skills('How to hash a password in PHP')).not.toContain('accounts');
    expect(skills('Printing a list of strings in Python')).not.toContain('printers');
  });

  it('does not take ordinary words that are also aliases (go, mac, list) as mentions', () => {
    const found = predictor.predict({ title: 'I go to the office on Mondays', description: 'My mac is fine, the list is long' });
    expect(found.filter((s) => s.source === 'mention')).toEqual([]);
    expect(found.map((s) => s.skill)).not.toEqual(expect.arrayContaining(['golang']));
    expect(found.map((s) => s.skill)).not.toEqual(expect.arrayContaining(['osx']));
  });

  it('favours skills moderators hold when the model is unsure', () => {
    // A two-tag model: "orders" gives sql a probability of 0.45, under its 0.5 threshold.
    const model = new SkillModel({
      format: 'helpdesk-skills-logreg/1',
      tags: ['python', 'sql'],
      bias: [-5, -5],
      thresholds: [0.5, 0.5],
      topK: 3,
      minTop: 0.9,
      weights: { 'w:orders': [1, (5 + Math.log(0.45 / 0.55)) * Math.sqrt(skillFeatures('orders').length)] },
    });
    const small = new SkillPredictor({ model });
    expect(model.probabilities('orders')[1]).toBeCloseTo(0.45, 5);
    expect(small.predict({ title: 'orders', description: '' }).map((s) => s.skill)).toEqual([]);
    expect(small.predict({ title: 'orders', description: '' }, ['sql']).map((s) => s.skill)).toEqual(['sql']);
    expect(small.predict({ title: 'orders', description: '' }, ['python', 'no-such-skill']).map((s) => s.skill)).toEqual([]);
  });

  it('is deterministic and returns catalog ids only, at most five', () => {
    const a = predictor.predict({ title: 'C# WPF app crashes reading JSON from a REST API with HttpClient', description: 'on .NET 4.5 in Visual Studio' });
    const b = predictor.predict({ title: 'C# WPF app crashes reading JSON from a REST API with HttpClient', description: 'on .NET 4.5 in Visual Studio' });
    expect(a).toEqual(b);
    expect(a.length).toBeLessThanOrEqual(5);
    expect(a.map((s) => s.skill)).toContain('c#');
    for (const s of a) expect(s.confidence).toBeGreaterThan(0);
  });

  it('treats pattern characters in text as plain text', () => {
    expect(() => skills('((( [a-z]+ $$$ \\ c++ .* ', '^(?:x)+$ {2,} |||')).not.toThrow();
    expect(skills('segfault in c++ destructor')).toContain('c++');
  });
});
