package steam

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// gs4Constant is one line of testdata/godotsteam_networking_constants.txt.
type gs4Constant struct {
	enum, name string
	value      int64
}

func readNetworkingConstants(t *testing.T) []gs4Constant {
	f, err := os.Open("testdata/godotsteam_networking_constants.txt")
	require.NoError(t, err)
	defer f.Close()
	var out []gs4Constant
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var c gs4Constant
		if enum, rest, ok := strings.Cut(line, ": "); ok {
			c.enum, line = enum, rest
		}
		name, value, ok := strings.Cut(line, " = ")
		require.True(t, ok, "bad line %q", sc.Text())
		c.name = name
		c.value, err = strconv.ParseInt(value, 10, 64)
		require.NoError(t, err, sc.Text())
		out = append(out, c)
	}
	require.NoError(t, sc.Err())
	return out
}

// Every networking constant GodotSteam Server 4 binds is registered with its name, value and enum,
// and the networking enums hold nothing else.
func TestNetworkingConstantsAreGodotSteams(t *testing.T) {
	want := readNetworkingConstants(t)
	require.Len(t, want, 218)
	enumOf := map[string]string{}
	valueOf := map[string]int64{}
	for _, e := range Enums {
		for _, c := range e.Values {
			enumOf[c.Name], valueOf[c.Name] = e.Name, c.Value
		}
	}
	for _, c := range Constants {
		enumOf[c.Name], valueOf[c.Name] = "", c.Value
	}
	inFile := map[string]bool{}
	for _, c := range want {
		inFile[c.name] = true
		got, ok := valueOf[c.name]
		if assert.True(t, ok, "missing %s", c.name) {
			assert.Equal(t, c.value, got, c.name)
			assert.Equal(t, c.enum, enumOf[c.name], "%s's enum", c.name)
		}
	}
	for _, e := range NetworkingEnums {
		for _, c := range e.Values {
			assert.True(t, inFile[c.Name], "%s.%s is not GodotSteam's", e.Name, c.Name)
		}
	}
	for _, c := range NetworkingConstants {
		assert.True(t, inFile[c.Name], "%s is not GodotSteam's", c.Name)
	}
}

// Each config value row gives one NetworkingConfigValue constant, under GodotSteam's name.
func TestNetConfigConstantNames(t *testing.T) {
	for name, want := range map[string]string{
		"IPLocalHost_AllowWithoutAuth": "IP_LOCAL_HOST_ALLOW_WITHOUT_AUTH",
		"P2P_STUN_ServerList":          "P2P_STUN_SERVER_LIST",
		"LogLevel_P2PRendezvous":       "LOG_LEVEL_P2P_RENDEZVOUS",
		"EnableDiagnosticsUI":          "ENABLE_DIAGNOSTICS_UI",
		"Callback_FakeIPResult":        "CALLBACK_FAKE_IP_RESULT",
		"SDRClient_SingleSocket":       "SDR_CLIENT_SINGLE_SOCKET",
		"FakePacketDup_Recv":           "FAKE_PACKET_DUP_REVC",
	} {
		assert.Equal(t, want, NetConfigConstantName(name), name)
	}
	assert.Len(t, netConfigValueConstants(), len(NetConfigRows)+2, "Invalid, the rows, FORCE32BIT")
}
