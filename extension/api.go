package main

/*
#include "gdext.h"
*/
import "C"

import (
	"errors"
	"fmt"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/gosteam/godot-steam-server/signals"
	"github.com/gosteam/godot-steam-server/steam"
)

// Adapters between the page's calling conventions and steam.Server, where they differ.

func (a initArgs) config() (steam.InitConfig, error) {
	ip, err := steam.ParseIPv4(a.ip)
	if err != nil {
		return steam.InitConfig{}, err
	}
	cfg := steam.InitConfig{IP: ip, Mode: steam.ServerMode(a.mode), Version: a.version, AppID: steam.AppIDFromEnvironment()}
	if a.gamePort < 0 || a.gamePort > 0xFFFF {
		return cfg, fmt.Errorf("game_port must be between 0 and 65535, got %d", a.gamePort)
	}
	if a.queryPort < 0 || a.queryPort > 0xFFFF {
		return cfg, fmt.Errorf("query_port must be between 0 and 65535 (65535 = QUERY_PORT_SHARED), got %d", a.queryPort)
	}
	if err := steam.CheckServerMode(a.mode); err != nil {
		return cfg, err
	}
	cfg.GamePort, cfg.QueryPort = uint16(a.gamePort), uint16(a.queryPort)
	return cfg, nil
}

func serverInit(s *steam.Server, a initArgs) (bool, error) {
	cfg, err := a.config()
	if err != nil {
		return false, err
	}
	if err := s.Init(cfg); err != nil {
		return false, err
	}
	resetInventoryHandles()
	watchTermination()
	return true, nil
}

// serverShutdown stops the server; its inventory results and updates go with it, so none is current.
func serverShutdown(s *steam.Server) error {
	err := s.Shutdown()
	resetInventoryHandles()
	return err
}

type initResult struct {
	status steam.InitStatus
	verbal string
}

// serverInitEx reports failure in its Dictionary, as Steam's SteamGameServer_InitEx does, instead
// of printing an error.
func serverInitEx(s *steam.Server, a initArgs) (initResult, error) {
	if _, err := serverInit(s, a); err != nil {
		var initErr *steam.InitError
		if errors.As(err, &initErr) {
			return initResult{initErr.Status, initErr.Message}, nil
		}
		return initResult{steam.InitFailedGeneric, err.Error()}, nil
	}
	return initResult{steam.InitOK, "Steam game server initialized"}, nil
}

// initGameServer is the older entry point taking {ip, game_port, query_port}; it initializes in
// authentication mode (2), as a dedicated server that checks tickets needs.
func initGameServer(s *steam.Server, connect *C.sv_arg, appID int64, version string) (bool, error) {
	a := initArgs{mode: int64(steam.ServerModeAuthentication), version: version}
	var err error
	var found bool
	if a.ip, found, err = lookup(connect, keyIP, text); err != nil || !found {
		return false, orMissing(err, "connect_data.ip")
	}
	if a.gamePort, found, err = lookup(connect, keyGamePort, uint16Arg); err != nil || !found {
		return false, orMissing(err, "connect_data.game_port")
	}
	if a.queryPort, found, err = lookup(connect, keyQueryPort, uint16Arg); err != nil || !found {
		return false, orMissing(err, "connect_data.query_port")
	}
	cfg, err := a.config()
	if err != nil {
		return false, err
	}
	if err := steam.CheckAppID(appID, ""); err != nil {
		return false, err
	}
	if appID != 0 {
		cfg.AppID = uint32(appID)
	}
	if err := s.Init(cfg); err != nil {
		return false, err
	}
	resetInventoryHandles()
	watchTermination()
	return true, nil
}

func orMissing(err error, what string) error {
	if err != nil {
		return errors.New(what + " " + err.Error())
	}
	return errors.New(what + " is missing")
}

// runCallbacks lets the backend work, then emits every queued event as its signal, in order,
// on this (the main) thread.
func runCallbacks(s *steam.Server) error {
	atomic.StoreInt32((*int32)(unsafe.Pointer(&C.sv_events_pending)), 0)
	atomic.StoreInt32((*int32)(unsafe.Pointer(&C.sv_frame_due)), 0)
	deliverTermination()
	s.RunFrame()
	setFramePace()
	s.Events().Drain(emitEvent)
	return nil
}

// setFramePace tells C how long run_callbacks may skip the backend's frame work, and arms the timer
// that marks it due again.
func setFramePace() {
	interval := server.FrameInterval()
	C.sv_set_frame_interval(C.int64_t(interval.Nanoseconds()))
	if interval > 0 {
		frameTimer.Reset(interval)
	}
}

// frameTimer sets sv_frame_due when the backend's frame work is due again.
var frameTimer = time.AfterFunc(time.Hour, func() {
	atomic.StoreInt32((*int32)(unsafe.Pointer(&C.sv_frame_due)), 1)
})

func emitEvent(ev steam.Event) {
	noteInventoryEvent(ev)
	a, ok := signals.EncodeValues(ev)
	if !ok {
		return
	}
	if a.Dict != nil {
		if !signalListened(int(a.ID)) {
			return
		}
		eventDict(a.Dict)
	}
	var list *C.int64_t
	if len(a.List) > 0 {
		list = (*C.int64_t)(&a.List[0])
	}
	C.sv_emit(C.int32_t(a.ID), (*C.int64_t)(&a.V[0]), C.int32_t(a.N), cstr(a.Text), C.int64_t(len(a.Text)), list, C.int64_t(len(a.List)))
}

// getAuthSessionTicket accepts GodotSteam's optional identity_reference for compatibility; the
// offline backend issues tickets for any peer and ignores it.
func getAuthSessionTicket(s *steam.Server, identity string) (steam.AuthTicket, error) {
	return s.GetAuthSessionTicket()
}

// outgoing is reused: getNextOutgoingPacket runs on the main thread only, and the bytes are
// copied into a PackedByteArray before it returns.
var outgoing = make([]byte, steam.MaxOutgoingPacket)

func getNextOutgoingPacket(s *steam.Server) (steam.OutgoingPacket, error) {
	return s.NextOutgoingPacket(outgoing)
}

func handleIncomingPacket(s *steam.Server, data []byte, ip string, port int64) ([]byte, error) {
	ok, err := s.HandleIncomingPacket(data, ip, port)
	if err != nil || !ok {
		return nil, err
	}
	return data, nil
}

type serverState struct {
	backend     string
	initialized bool
	state       steam.State
	traffic     steam.Traffic
}

func getServerState(s *steam.Server) (serverState, error) {
	return serverState{s.BackendName(), s.Initialized(), s.State(), s.Traffic()}, nil
}
