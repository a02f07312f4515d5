// The course compiler's public surface, used by the CLI, the preview host and the library.
export { checkCourses, compileCourse } from './compile.ts';
export type { CheckOptions, CheckResult } from './compile.ts';
export { formatDiagnostic } from './diagnostics.ts';
export type { Diagnostic, Severity, SourcePosition } from './diagnostics.ts';
export type { ImageAsset } from './images.ts';
export type {
  CompiledCourse,
  CompiledFaqEntry,
  CompiledLesson,
  CompiledQuestion,
  CompiledRelatedLesson,
  CompiledSection,
} from './model.ts';
export { writePack } from './pack-writer.ts';
export { PackError } from './previous-pack.ts';
