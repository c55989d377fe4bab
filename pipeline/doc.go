// Package pipeline is the engine of a rinse run: it wires stages
// together and is the only package that starts goroutines or touches
// channels. It knows the stages only by their interfaces (Source,
// Processor, Sink) and imports none of them: package assemble builds the
// standard ones.
//
// A run is read → [fetch] → decode → extract → transform → write. Each
// stage has its own worker count; stages are joined by bounded channels so a
// slow stage back-pressures the ones before it and memory stays flat however
// many pages there are. Every send also selects on ctx.Done(). Results reach
// the single sink goroutine in input order, so the output of a run does not
// depend on scheduling. Cancelling the context stops intake; pages already
// in flight finish and the sink is flushed.
package pipeline
