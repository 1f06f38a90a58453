package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// clientCallsFixture is api_table.gen.gd's CLIENT_CALLS: each client call's message and value.
func clientCallsFixture() string {
	var b strings.Builder
	b.WriteString("const CLIENT_CALLS := {\n")
	for _, m := range clientMethods() {
		c := clientCallOf(m.name)
		value := "null"
		if c.bool {
			value = "false"
		}
		fmt.Fprintf(&b, "\t%q: [%q, %s],\n", m.name, c.refusal().Error(), value)
	}
	b.WriteString("}\n\n")
	return b.String()
}

func clientCallOf(name string) clientCall {
	for _, c := range clientCalls {
		if c.name == name {
			return c
		}
	}
	panic("no client call " + name)
}

// Every client call is on both classes, says what it is about and which Steam call it stands for,
// and its message is its own among calls about other things.
func TestClientCallsAreRefusedWithTheirMessage(t *testing.T) {
	for _, c := range clientCalls {
		msg := c.refusal().Error()
		assert.Contains(t, msg, c.about, c.name)
		assert.Contains(t, msg, "ISteamUtils::", c.name)
		assert.Contains(t, msg, "a game server does not have", c.name)
		n := 0
		for _, m := range methods {
			if m.name == c.name {
				n++
				assert.Len(t, m.bind.args, len(c.args), c.name)
			}
		}
		assert.Equal(t, int(classCount), n, "%s is on both classes", c.name)
	}
	assert.Contains(t, clientCallOf("overlayNeedsPresent").refusal().Error(), "BOverlayNeedsPresent", "Steam's own name")
	assert.Contains(t, clientCallOf("startVRDashboard").refusal().Error(), "returns nothing")
	assert.Contains(t, clientCallOf("isOverlayEnabled").refusal().Error(), "returns false")
}
