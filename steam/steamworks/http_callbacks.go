package steamworks

import "github.com/gosteam/godot-steam-server/steam"

// idHTTPRequestCompleted answers SendHTTPRequest and SendHTTPRequestAndStreamResponse (their
// SteamAPICall_t): the pump takes it from the call result only (answersCalls).
const idHTTPRequestCompleted = steam.CallbackHTTPRequestCompleted

// httpCallbackRows are ISteamHTTP's callbacks (k_iSteamHTTPCallbacks 2100), appended to callbackRows.
var httpCallbackRows = []callback{
	{id: idHTTPRequestCompleted, sdk: "HTTPRequestCompleted_t",
		members: []member{u32("m_hRequest"), u64("m_ulContextValue"), flag("m_bRequestSuccessful"), i32("m_eStatusCode"), u32("m_unBodySize")},
		decode: func(r *record) steam.Event {
			return steam.HTTPRequestCompleted{Request: r.u32("m_hRequest"), Context: r.u64("m_ulContextValue"),
				Success: r.bool("m_bRequestSuccessful"), Status: r.i32("m_eStatusCode"), BodySize: r.u32("m_unBodySize")}
		}},
	{id: 2102, sdk: "HTTPRequestHeadersReceived_t",
		members: []member{u32("m_hRequest"), u64("m_ulContextValue")},
		decode: func(r *record) steam.Event {
			return steam.HTTPRequestHeadersReceived{Request: r.u32("m_hRequest"), Context: r.u64("m_ulContextValue")}
		}},
	{id: 2103, sdk: "HTTPRequestDataReceived_t",
		members: []member{u32("m_hRequest"), u64("m_ulContextValue"), u32("m_cOffset"), u32("m_cBytesReceived")},
		decode: func(r *record) steam.Event {
			return steam.HTTPRequestDataReceived{Request: r.u32("m_hRequest"), Context: r.u64("m_ulContextValue"),
				Offset: r.u32("m_cOffset"), BytesReceived: r.u32("m_cBytesReceived")}
		}},
}
