package fetch

import (
	"fmt"
	"net"
	"net/netip"
	"strings"
	"syscall"

	"github.com/rinse-etl/rinse"
)

// blockedPrefixes are the address ranges a fetch must never reach unless
// private networks are allowed: anything that is not the public internet.
// The check runs on the resolved address at dial time, so a hostname that
// resolves (or re-resolves) to one of these is refused as well.
var blockedPrefixes = []struct {
	prefix netip.Prefix
	why    string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "this-network; 0.0.0.0 reaches local listeners on Linux"},
	{netip.MustParsePrefix("10.0.0.0/8"), "RFC 1918 private"},
	{netip.MustParsePrefix("100.64.0.0/10"), "CGNAT shared space, often internal infrastructure"},
	{netip.MustParsePrefix("127.0.0.0/8"), "loopback"},
	{netip.MustParsePrefix("169.254.0.0/16"), "link-local, incl. cloud metadata 169.254.169.254"},
	{netip.MustParsePrefix("172.16.0.0/12"), "RFC 1918 private"},
	{netip.MustParsePrefix("192.0.0.0/24"), "IETF protocol assignments, incl. Oracle/Alibaba metadata 192.0.0.192"},
	{netip.MustParsePrefix("192.168.0.0/16"), "RFC 1918 private"},
	{netip.MustParsePrefix("198.18.0.0/15"), "benchmarking networks, used internally by some clouds"},
	{netip.MustParsePrefix("224.0.0.0/4"), "IPv4 multicast"},
	{netip.MustParsePrefix("240.0.0.0/4"), "reserved, incl. broadcast 255.255.255.255"},
	{netip.MustParsePrefix("::/128"), "IPv6 unspecified"},
	{netip.MustParsePrefix("::1/128"), "IPv6 loopback"},
	{netip.MustParsePrefix("fc00::/7"), "IPv6 unique-local, incl. AWS metadata fd00:ec2::254"},
	{netip.MustParsePrefix("fe80::/10"), "IPv6 link-local"},
	{netip.MustParsePrefix("ff00::/8"), "IPv6 multicast"},
}

// nat64Prefix embeds an IPv4 address in its last 32 bits; the embedded
// address is checked like a plain IPv4 one so NAT64 cannot tunnel to 10/8.
var nat64Prefix = netip.MustParsePrefix("64:ff9b::/96")

// metadataHosts are names that resolve to cloud instance metadata services
// inside their clouds; refused by name because their address may be one a
// deployment has allowed.
var metadataHosts = []string{
	"metadata.google.internal", // GCP
	"metadata.goog",            // GCP alias
	"metadata",                 // GCP short name via search domain
	"instance-data",            // AWS EC2 legacy name
	"instance-data.ec2.internal",
	"metadata.azure.internal", // Azure
}

// netGuard decides which addresses a fetch may connect to.
type netGuard struct {
	allowPrivate bool
	// allow lists prefixes that pass even when private networks are
	// blocked (an intranet site, or 127.0.0.1 in tests).
	allow []netip.Prefix
}

// checkAddr returns an error wrapping rinse.ErrBlocked if addr may not be
// dialled.
func (g *netGuard) checkAddr(addr netip.Addr) error {
	// Prefix.Contains never matches a zoned address, so drop the zone.
	addr = addr.Unmap().WithZone("")
	if g.allowPrivate {
		return nil
	}
	for _, p := range g.allow {
		if p.Contains(addr) {
			return nil
		}
	}
	if nat64Prefix.Contains(addr) {
		b := addr.As16()
		return g.checkAddr(netip.AddrFrom4([4]byte(b[12:])))
	}
	for _, b := range blockedPrefixes {
		if b.prefix.Contains(addr) {
			return blockedError(addr.String(), b.why)
		}
	}
	return nil
}

// checkHost refuses metadata host names and literal blocked addresses
// before any DNS lookup; resolved names are checked again at dial time.
func (g *netGuard) checkHost(host string) error {
	if g.allowPrivate {
		return nil
	}
	h := strings.TrimSuffix(strings.ToLower(host), ".")
	for _, m := range metadataHosts {
		if h == m {
			return blockedError(host, "cloud metadata host")
		}
	}
	if a, err := netip.ParseAddr(strings.Trim(h, "[]")); err == nil {
		return g.checkAddr(a)
	}
	return nil
}

// control is a net.Dialer.Control hook: it sees the address actually being
// connected to, after DNS, on every connection including redirect hops.
func (g *netGuard) control(_, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		host, _, splitErr := net.SplitHostPort(address)
		if splitErr != nil {
			return blockedError(address, "unparsable dial address")
		}
		a, perr := netip.ParseAddr(host)
		if perr != nil {
			return blockedError(address, "unparsable dial address")
		}
		return g.checkAddr(a)
	}
	return g.checkAddr(ap.Addr())
}

func blockedError(addr, why string) error {
	return &rinse.ReasonError{
		Reason: "blocked-address",
		Err:    fmt.Errorf("connecting to %s (%s): %w", addr, why, rinse.ErrBlocked),
	}
}
