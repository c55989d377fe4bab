package adversarial

import (
	"bytes"
	"fmt"
	"strings"
)

// record is one WARC response record holding body, declaring length
// bytes of block (the true length when length < 0).
func record(id, body string, length int64) string {
	block := "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
	if length < 0 {
		length = int64(len(block))
	}
	return fmt.Sprintf("WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:%s>\r\nWARC-Target-URI: https://adversarial.example/%s\r\n"+
		"WARC-Date: 2024-02-13T18:45:00Z\r\nContent-Type: application/http;msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
		id, id, length, block)
}

// gzMembers gzips each record as its own member, as crawlers write them.
func gzMembers(recs ...string) ([]byte, error) {
	var out bytes.Buffer
	for _, r := range recs {
		b, err := gz([]byte(r))
		if err != nil {
			return nil, err
		}
		out.Write(b)
	}
	return out.Bytes(), nil
}

// warcLengths: a plain archive whose records declare too short, too long
// and 2 GiB lengths between good records; each good one must come out.
func warcLengths(s *Set) error {
	name := "warc/lengths.warc"
	recs := []string{
		record("w-good-1", good(20), -1),
		record("w-short", good(21), 100),
		record("w-good-2", good(22), -1),
		record("w-long", good(23), int64(len(good(23))+400)),
		record("w-good-3", good(24), -1),
		record("w-2gib", good(25), 2<<30),
		record("w-good-4", good(26), -1),
	}
	for _, id := range []string{"w-good-1", "w-good-2", "w-good-3", "w-good-4"} {
		s.Want[name+"#urn:uuid:"+id] = document
	}
	for _, id := range []string{"w-short", "w-long", "w-2gib"} {
		s.Want[name+"#urn:uuid:"+id] = quar("bad-length")
	}
	return s.file(name, []byte(strings.Join(recs, "")), Outcome{})
}

// warcHuge: a .warc.gz of a few hundred kilobytes whose records declare
// 5 GiB (a lie) and 64 MiB (true, of zeros): neither may be held or
// written to disk.
func warcHuge(s *Set) error {
	name := "warc/huge.warc.gz"
	zeros := "WARC/1.1\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:h-zeros>\r\nContent-Type: text/html\r\n" +
		"Content-Length: 67108864\r\n\r\n" + string(make([]byte, 64<<20)) + "\r\n\r\n"
	data, err := gzMembers(record("h-good", good(30), -1), record("h-5gib", good(31), 5<<30), zeros)
	if err != nil {
		return err
	}
	s.Want[name+"#urn:uuid:h-good"] = document
	s.Want[name+"#urn:uuid:h-5gib"] = quar("bad-length")
	// The 5 GiB lie swallows the zeros record: reached again by reading
	// the archive anew, it is too large.
	s.Want[name+"#urn:uuid:h-zeros"] = quar("too-large")
	return s.file(name, data, Outcome{})
}

// warcTruncated: a .warc.gz cut in the middle of its second member; the
// first record comes out, the archive is quarantined as unreadable.
func warcTruncated(s *Set) error {
	name := "warc/truncated.warc.gz"
	data, err := gzMembers(record("t-good", good(40), -1), record("t-cut", good(41), -1))
	if err != nil {
		return err
	}
	first, err := gzMembers(record("t-good", good(40), -1))
	if err != nil {
		return err
	}
	s.Want[name+"#urn:uuid:t-good"] = document
	s.Want[name] = quar("read-error")
	return s.file(name, data[:len(first)+(len(data)-len(first))/2], Outcome{})
}
