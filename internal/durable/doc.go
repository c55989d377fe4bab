// Package durable holds the file-system moves a dataset's commit relies
// on: files and directories made durable (one fsync each, or one syncfs
// for many on Linux), a file replaced atomically, and the advisory lock
// that keeps two runs on one machine off one output.
package durable
