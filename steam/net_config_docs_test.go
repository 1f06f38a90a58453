package steam

// docs/networking.md's table of the configuration values the offline backend acts on is made from
// NetConfigRows; this test fails when it is stale, and rewrites it with UPDATE_NET_DOCS=1.

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

const (
	netDocsPath  = "../docs/networking.md"
	netDocsBegin = "<!-- netconfig:begin -->\n"
	netDocsEnd   = "<!-- netconfig:end -->"
)

func configDefault(r NetConfigRow) string {
	switch r.Type {
	case ConfigTypeFloat:
		return fmtNum(float64(r.Default.Float))
	case ConfigTypeString:
		return `""`
	case ConfigTypePtr:
		return "none"
	}
	if r.ReadOnly {
		return "(read only)"
	}
	return fmt.Sprint(r.Default.Int)
}

func scopeName(s NetConfigScope) string {
	if s == ConfigScopeGlobal {
		return "global"
	}
	return "connection"
}

// netConfigDocs is the generated part of the page.
func netConfigDocs() string {
	var b strings.Builder
	b.WriteString("| value | id | type | scope | default | offline |\n|---|---|---|---|---|---|\n")
	var kept []string
	for _, r := range NetConfigRows {
		if r.Offline == "" {
			if r.Type != ConfigTypePtr {
				kept = append(kept, "`"+r.Name+"`")
			}
			continue
		}
		fmt.Fprintf(&b, "| `%s` | %d | %s | %s | %s | %s |\n", r.Name, r.Value,
			strings.TrimPrefix(strings.TrimPrefix(configTypeName(r.Type), "an "), "a "), scopeName(r.Scope), configDefault(r), r.Offline)
	}
	fmt.Fprintf(&b, "\nKept and read back, with no effect offline: %s. The callbacks (`Callback_*`, function "+
		"pointers) are refused: their events arrive as signals.\n", strings.Join(kept, ", "))
	return b.String()
}

func TestNetworkingDocsConfigTable(t *testing.T) {
	raw, err := os.ReadFile(netDocsPath)
	require.NoError(t, err)
	doc := string(raw)
	begin, end := strings.Index(doc, netDocsBegin), strings.Index(doc, netDocsEnd)
	require.True(t, begin >= 0 && end > begin, "%s holds the markers %q and %q", netDocsPath, netDocsBegin, netDocsEnd)
	want := doc[:begin+len(netDocsBegin)] + netConfigDocs() + doc[end:]
	if os.Getenv("UPDATE_NET_DOCS") != "" {
		require.NoError(t, os.WriteFile(netDocsPath, []byte(want), 0o644))
		return
	}
	require.Equal(t, want, doc, "docs/networking.md's config table is stale: UPDATE_NET_DOCS=1 go test ./steam/ rewrites it")
}
