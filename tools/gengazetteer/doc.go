// Command gengazetteer writes configs/entities/countries.yaml, the bundled
// country gazetteer, from github.com/biter777/countries (ISO 3166 names and
// codes). It lives here so that the countries module stays out of the
// rinse binary: the transform package only reads the YAML it produces.
//
// Regenerate after bumping the countries module:
//
//	go run ./tools/gengazetteer -o configs/entities/countries.yaml
//
// Hand-written aliases, historical states and organizations live in the
// other files of configs/entities; they are merged over this one by name.
package main
