/** The embedded AI: local triage, skill prediction and similar-ticket retrieval, all offline. */
export { LexicalSimilarIndex, DEFAULT_INDEX_OPTIONS, type LexicalIndexOptions, type LexicalSnapshot } from './similar-index.js';
export { resolvedTicketDocs } from './rebuild.js';
export { readSimilarSnapshot, writeSimilarSnapshot, removeSimilarSnapshot, type SnapshotMeta } from './snapshot.js';
export { EvalInputError, readJsonl, parseJsonl, retrievalLineSchema, skillsLineSchema, type JsonlRow, type RetrievalLine, type SkillsLine } from './jsonl.js';
export { scoreWithIndex, rankingMetrics, averagePrecision, bm25Baseline, type QueryScores, type RankingMetrics } from './retrieval-eval.js';
export { LocalTriageEngine, summarize, type LocalTriageOptions } from './local-triage.js';
export { SkillPredictor, type SkillPrediction, type SkillPredictorOptions, type SkillSource, type SkillVote } from './skill-predictor.js';
export { HelpdeskModel, shippedHelpdeskModel, type LearnedReading } from './helpdesk-model.js';
export { SkillModel, shippedSkillModel, skillModelSchema, type SkillModelFile, type TagScore } from './skill-model.js';
export { readPriority, type PriorityReading, type SignalKind } from './priority.js';
export { categorize, CATEGORIES, type Category } from './category.js';
export { situationNotes } from './notes.js';
export { SkillMatcher, foldWords, type SkillScore } from './skill-matcher.js';
export { predictSkills, microScores, type MicroScores } from './skills-eval.js';
export { triageLineSchema, triageMetrics, ticketCommand, type TriageLine, type TriageDecision, type TriageMetrics } from './triage-eval.js';
