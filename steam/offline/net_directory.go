package offline

// The realm's directory of who listens where, so connectP2P, connectToHostedDedicatedServer and
// NetworkingMessages can reach a Steam ID without knowing its address: each P2P or hosted listen
// socket and each process's NetworkingMessages endpoint publishes an entry
//
//	p2p-<steam id>-<virtual port>     a P2P listen socket
//	hosted-<steam id>-<virtual port>  a hosted dedicated server's listen socket
//	msg-<steam id>                    the NetworkingMessages and P2P sessions endpoint
//
// whose content is the UDP address ("127.0.0.1:40123\n"). A realm loaded from the environment
// keeps them as files in "net-<fingerprint>" beside its key, written to a temporary name and
// renamed into place, so a reader sees a whole entry or none; a realm made with NewRealm keeps
// them in memory for the servers of this process. An entry is withdrawn when its socket closes;
// one left by a process that died points at a port nobody answers, or that another socket of
// the realm now holds, which refuses a connect whose target it is not.

import (
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/gosteam/godot-steam-server/steam"
)

type netDirectory struct {
	dir string // "" keeps the entries in memory only
	mu  sync.Mutex
	mem map[string]netip.AddrPort
}

var netDirectories sync.Map // fingerprint + "\x00" + dir -> *netDirectory

func sharedNetDirectory(fingerprint, dir string) *netDirectory {
	d, _ := netDirectories.LoadOrStore(fingerprint+"\x00"+dir, &netDirectory{dir: dir, mem: map[string]netip.AddrPort{}})
	return d.(*netDirectory)
}

func p2pKey(id steam.SteamID, port int32) string { return fmt.Sprintf("p2p-%d-%d", uint64(id), port) }
func hostedKey(id steam.SteamID, port int32) string {
	return fmt.Sprintf("hosted-%d-%d", uint64(id), port)
}
func sessionsKey(id steam.SteamID) string { return fmt.Sprintf("msg-%d", uint64(id)) }

// publishedAddr is the address peers of this machine reach a socket at: loopback for one bound
// to every interface.
func publishedAddr(local netip.AddrPort) netip.AddrPort {
	if local.Addr().IsUnspecified() {
		if local.Addr().Is6() {
			return netip.AddrPortFrom(netip.IPv6Loopback(), local.Port())
		}
		return netip.AddrPortFrom(netip.AddrFrom4([4]byte{127, 0, 0, 1}), local.Port())
	}
	return local
}

// publish makes key name addr.
func (d *netDirectory) publish(key string, addr netip.AddrPort) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.mem[key] = addr
	if d.dir == "" {
		return
	}
	if os.MkdirAll(d.dir, 0o700) != nil {
		return
	}
	tmp, err := os.CreateTemp(d.dir, ".entry-*")
	if err != nil {
		return
	}
	_, err = tmp.WriteString(addr.String() + "\n")
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), filepath.Join(d.dir, key))
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
	}
}

// withdraw removes key if it still names addr (another socket may have published it since).
func (d *netDirectory) withdraw(key string, addr netip.AddrPort) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.mem[key] == addr {
		delete(d.mem, key)
	}
	if d.dir == "" {
		return
	}
	path := filepath.Join(d.dir, key)
	if got, ok := readEntry(path); ok && got == addr {
		_ = os.Remove(path)
	}
}

// lookup finds where key listens.
func (d *netDirectory) lookup(key string) (netip.AddrPort, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.dir == "" {
		a, ok := d.mem[key]
		return a, ok
	}
	return readEntry(filepath.Join(d.dir, key))
}

func readEntry(path string) (netip.AddrPort, bool) {
	b, err := os.ReadFile(path)
	if err != nil || len(b) > 64 {
		return netip.AddrPort{}, false
	}
	a, err := netip.ParseAddrPort(strings.TrimSpace(string(b)))
	return a, err == nil
}

// dirEntry is what one socket published, so it can be withdrawn (or moved to a new identity).
type dirEntry struct {
	key  string
	addr netip.AddrPort
}

func (e *dirEntry) publish(d *netDirectory, key string, local netip.AddrPort) {
	e.withdraw(d)
	e.key, e.addr = key, publishedAddr(local)
	d.publish(e.key, e.addr)
}

func (e *dirEntry) withdraw(d *netDirectory) {
	if e.key != "" {
		d.withdraw(e.key, e.addr)
		e.key = ""
	}
}
