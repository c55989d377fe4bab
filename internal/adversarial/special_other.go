//go:build !unix

package adversarial

// specialFiles makes nothing where FIFOs cannot be made.
func specialFiles(*Set) error { return nil }
