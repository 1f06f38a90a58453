package steamworks

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// mingwCC is the MinGW-w64 compiler the Windows DLL is cross-built with. Its layout of the SDK's
// structs is the Windows one: Windows binaries cannot run here, so the Windows table is checked at
// compile time, by static assertions that compile only when every fact of it holds.
const mingwCC = "x86_64-w64-mingw32-gcc"

// mingwAssertions is a C file asserting, for rows laid out at Windows' packing, every fact the
// decoder relies on about sdk_callbacks.h compiled at pack 8: each struct's k_iCallback and size,
// each member's offset and size, each struct's number of members, and one row per struct.
func mingwAssertions(rows []callback) string {
	var b strings.Builder
	b.WriteString("#define SDK_PACK 8\n#include \"sdk_callbacks.h\"\n")
	assert := func(cond, format string, args ...any) {
		fmt.Fprintf(&b, "_Static_assert(%s, %q);\n", cond, fmt.Sprintf(format, args...))
	}
	structs := 0
	for _, r := range rows {
		if id, empty := emptyStructIDs[r.sdk]; empty { // an empty C++ struct: only its ID is in C
			assert(fmt.Sprintf("%s == %d", id, r.id), "%s: k_iCallback %d", r.sdk, r.id)
			assert(fmt.Sprintf("%d == 1 && %d == 0", r.size, len(r.members)), "%s: 1 byte, no members", r.sdk)
			continue
		}
		structs++
		assert(fmt.Sprintf("%s_k_iCallback == %d", r.sdk, r.id), "%s: k_iCallback %d", r.sdk, r.id)
		assert(fmt.Sprintf("sizeof(%s) == %d", r.sdk, r.size), "%s: %d bytes", r.sdk, r.size)
		assert(fmt.Sprintf("%s_member_count == %d", r.sdk, len(r.members)), "%s: %d members", r.sdk, len(r.members))
		for _, m := range r.members {
			assert(fmt.Sprintf("offsetof(%s, %s) == %d", r.sdk, m.name, m.off), "%s.%s: offset %d", r.sdk, m.name, m.off)
			assert(fmt.Sprintf("sizeof(((%s *)0)->%s) == %d", r.sdk, m.name, m.size), "%s.%s: %d bytes", r.sdk, m.name, m.size)
		}
	}
	assert(fmt.Sprintf("sdk_struct_count == %d", structs), "the table describes %d structs with members", structs)
	return b.String()
}

// emptyStructIDs names the C constant of each empty C++ struct's k_iCallback (sdk_callbacks.h).
var emptyStructIDs = map[string]string{
	"SteamServersConnected_t":          "sdk_servers_connected_id",
	"SteamInventoryDefinitionUpdate_t": "sdk_inventory_definition_update_id",
}

// mingwCheck compiles mingwAssertions(rows) with MinGW and returns the assertions that failed,
// or the compiler's output when it failed otherwise. A missing MinGW fails the test.
func mingwCheck(t *testing.T, rows []callback) []string {
	t.Helper()
	cc, err := exec.LookPath(mingwCC)
	if err != nil {
		t.Fatalf("%s is needed to check the Windows callback layouts: %v.\n"+
			"Install it with scripts/provision_test_deps.sh %s.", mingwCC, err, mingwCC)
	}
	include, err := filepath.Abs(filepath.Join("internal", "sdklayout"))
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(t.TempDir(), "windows_layout.c")
	if err := os.WriteFile(src, []byte(mingwAssertions(rows)), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(cc, "-std=c11", "-Wall", "-Werror", "-fsyntax-only", "-I", include, src).CombinedOutput()
	if err == nil {
		return nil
	}
	var failed []string
	for _, m := range regexp.MustCompile(`static assertion failed: "([^"]*)"`).FindAllStringSubmatch(string(out), -1) {
		failed = append(failed, m[1])
	}
	if len(failed) == 0 {
		failed = []string{fmt.Sprintf("%s failed: %v\n%s", mingwCC, err, out)}
	}
	return failed
}

// structsAt is every struct the backend reads laid out at pack: the callbacks, then the structs a
// call fills.
func structsAt(pack int) []callback {
	return layOut(append(slices.Clone(callbackRows), callStructRows...), pack)
}

// The table laid out at Windows' packing is what MinGW makes of the SDK's structs under
// #pragma pack(push, 8): the layouts a Windows build decodes callbacks at.
func TestWindowsCallbackLayoutsMatchMinGW(t *testing.T) {
	rows := structsAt(packFor("windows"))
	for _, e := range mingwCheck(t, rows) {
		t.Errorf("MinGW (pack 8) disagrees with the table's Windows layout: %s", e)
	}
	// Where the packings differ (a 64-bit member after a 32-bit one), the Windows sizes are larger.
	for sdk, want := range map[string]int{"ValidateAuthTicketResponse_t": 24, "DownloadItemResult_t": 24, "ItemInstalled_t": 32,
		"SteamUGCDetails_t": 9784, "GetAppDependenciesResult_t": 152, "SteamInventoryEligiblePromoItemDefIDs_t": 24, "SteamInventoryStartPurchaseResult_t": 24,
		"SteamNetConnectionStatusChangedCallback_t": 712, "P2PSessionConnectFail_t": 16} {
		if c := rows[slices.IndexFunc(rows, func(c callback) bool { return c.sdk == sdk })]; c.size != want {
			t.Errorf("%s is %d bytes at Windows' packing, want %d", sdk, c.size, want)
		}
	}
}

// The MinGW check fails for any wrong fact, and for the Linux layout: it compares the table with
// the compiler, not with itself.
func TestMinGWLayoutCheckCatchesWrongRows(t *testing.T) {
	windows := structsAt(packFor("windows"))
	mutations := map[string]struct {
		rows func() []callback
		want string // a failed assertion's message
	}{
		"linux packing": {func() []callback { return structsAt(packFor("linux")) }, "ValidateAuthTicketResponse_t: 20 bytes"},
		"id":            {vatr(windows, func(c *callback) { c.id++ }), "ValidateAuthTicketResponse_t: k_iCallback 144"},
		"size":          {vatr(windows, func(c *callback) { c.size = 20 }), "ValidateAuthTicketResponse_t: 20 bytes"},
		"offset":        {vatr(windows, func(c *callback) { c.members[2].off = 12 }), "ValidateAuthTicketResponse_t.m_OwnerSteamID: offset 12"},
		"member size":   {vatr(windows, func(c *callback) { c.members[1].size = 8 }), "ValidateAuthTicketResponse_t.m_eAuthSessionResponse: 8 bytes"},
		"member missed": {vatr(windows, func(c *callback) { c.members = c.members[:2] }), "ValidateAuthTicketResponse_t: 2 members"},
		// One row fewer: the truncated table describes its structs with members (SteamServersConnected_t
		// and SteamInventoryDefinitionUpdate_t have none).
		"struct missed": {func() []callback { return windows[:len(windows)-1] },
			fmt.Sprintf("the table describes %d structs with members", withMembers(windows[:len(windows)-1]))},
	}
	for what, m := range mutations {
		failed := mingwCheck(t, m.rows())
		if !slices.Contains(failed, m.want) {
			t.Errorf("a wrong %s: want the failed assertion %q, got %q", what, m.want, failed)
		}
	}
	// A misnamed member or struct does not compile at all.
	if failed := mingwCheck(t, vatr(windows, func(c *callback) { c.members[0].name += "x" })()); len(failed) == 0 {
		t.Error("a misnamed member passes the MinGW check")
	}
}

// vatr is rows with a copy of ValidateAuthTicketResponse_t changed by mutate.
func vatr(rows []callback, mutate func(c *callback)) func() []callback {
	return func() []callback {
		out := slices.Clone(rows)
		i := slices.IndexFunc(out, func(c callback) bool { return c.sdk == "ValidateAuthTicketResponse_t" })
		out[i].members = slices.Clone(out[i].members)
		mutate(&out[i])
		return out
	}
}

// withMembers counts the rows of structs that have members.
func withMembers(rows []callback) int {
	n := 0
	for _, c := range rows {
		if len(c.members) > 0 {
			n++
		}
	}
	return n
}
