package fetch

import (
	"errors"
	"net/netip"
	"testing"

	"github.com/rinse-etl/rinse"
)

func TestNetGuardAddresses(t *testing.T) {
	cases := []struct {
		addr    string
		blocked bool
	}{
		{"93.184.215.14", false},
		{"1.1.1.1", false},
		{"172.32.0.1", false},  // just past 172.16/12
		{"100.128.0.1", false}, // just past CGNAT
		{"2606:4700:4700::1111", false},
		{"127.0.0.1", true},
		{"127.255.0.9", true},
		{"10.0.0.1", true},
		{"172.16.0.1", true},
		{"172.31.255.255", true},
		{"192.168.1.1", true},
		{"100.64.0.1", true},
		{"169.254.169.254", true},
		{"192.0.0.192", true},
		{"0.0.0.0", true},
		{"224.0.0.251", true},
		{"255.255.255.255", true},
		{"::", true},
		{"::1", true},
		{"fe80::1", true},
		{"fe80::1%eth0", true},
		{"fc00::1", true},
		{"fd00:ec2::254", true},
		{"ff02::1", true},
		{"::ffff:127.0.0.1", true},
		{"::ffff:169.254.169.254", true},
		{"::ffff:8.8.8.8", false},
		{"64:ff9b::a00:1", true},    // NAT64 of 10.0.0.1
		{"64:ff9b::808:808", false}, // NAT64 of 8.8.8.8
	}
	g := &netGuard{}
	for _, c := range cases {
		err := g.checkAddr(netip.MustParseAddr(c.addr))
		if (err != nil) != c.blocked {
			t.Errorf("%s: err %v, want blocked=%v", c.addr, err, c.blocked)
		}
		if err != nil && (!errors.Is(err, rinse.ErrBlocked) || rinse.Reason(err) != "blocked-address") {
			t.Errorf("%s: err %v lacks the blocked-address reason", c.addr, err)
		}
	}
	open := &netGuard{allowPrivate: true}
	for _, c := range cases {
		if err := open.checkAddr(netip.MustParseAddr(c.addr)); err != nil {
			t.Errorf("allowPrivate: %s blocked: %v", c.addr, err)
		}
	}
}

func TestNetGuardAllowList(t *testing.T) {
	g := &netGuard{allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32"), netip.MustParsePrefix("10.20.0.0/16")}}
	for addr, blocked := range map[string]bool{
		"127.0.0.1": false, "::ffff:127.0.0.1": false, "10.20.3.4": false,
		"127.0.0.2": true, "10.21.0.1": true, "169.254.169.254": true, "::1": true,
	} {
		if err := g.checkAddr(netip.MustParseAddr(addr)); (err != nil) != blocked {
			t.Errorf("%s: err %v, want blocked=%v", addr, err, blocked)
		}
	}
}

func TestNetGuardHostsAndDialAddresses(t *testing.T) {
	g := &netGuard{}
	for host, blocked := range map[string]bool{
		"example.com": false, "metadata.google.internal": true, "Metadata.Google.Internal.": true,
		"instance-data": true, "169.254.169.254": true, "[::1]": true, "8.8.8.8": false,
	} {
		if err := g.checkHost(host); (err != nil) != blocked {
			t.Errorf("host %s: err %v, want blocked=%v", host, err, blocked)
		}
	}
	for addr, blocked := range map[string]bool{
		"127.0.0.1:80": true, "[fe80::1%eth0]:443": true, "[::ffff:10.1.1.1]:80": true,
		"93.184.215.14:443": false, "[2606:4700::1]:80": false, "garbage": true,
	} {
		if err := g.control("tcp", addr, nil); (err != nil) != blocked {
			t.Errorf("dial %s: err %v, want blocked=%v", addr, err, blocked)
		}
	}
}
