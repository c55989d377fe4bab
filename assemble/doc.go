// Package assemble builds the standard stages of a rinse run from typed
// options: the one place that knows every stage package. Build returns
// the pipeline.Stages that pipeline.Run drives: [fetch] → decode →
// extract → boilerplate → normalize → language → dates → entities →
// finalize, then dedup in input order. RunOne passes one page through
// them without the engine, for inspecting a page or scoring quality.
//
// Library code takes options here and reads no configuration file or
// environment; the rinse command maps its configuration onto Options.
package assemble
