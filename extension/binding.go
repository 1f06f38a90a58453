package main

/*
#include "gdext.h"
*/
import "C"

import (
	"fmt"

	"github.com/gosteam/godot-steam-server/steam"
)

// binding is a method's typed call: argument kinds, return kind, and the call itself, built by the
// generic helpers below from a method expression such as (*steam.Server).SetMapName, so the kinds
// and the Go signature cannot disagree.
type binding struct {
	args []kind
	ret  kind
	call func(s *steam.Server, in []C.sv_arg, out *C.sv_ret) error
	safe func(out *C.sv_ret) // writes the documented safe return, after a panic
}

func bind[R any](args []kind, r result[R], call func(s *steam.Server, in []C.sv_arg, out *C.sv_ret) error) binding {
	return binding{args, r.kind, call, func(out *C.sv_ret) { r.encode(out, r.fallback) }}
}

// argError names the refused argument.
type argError struct {
	index int
	err   error
}

func (e argError) Error() string { return fmt.Sprintf("argument %d %v", e.index+1, e.err) }

func arg[T any](p param[T], in []C.sv_arg, i int) (T, error) {
	v, err := p.decode(&in[i])
	if err != nil {
		return v, argError{i, err}
	}
	return v, nil
}

func finish[R any](r result[R], out *C.sv_ret, v R, err error) error {
	r.encode(out, v)
	return err
}

func call0[R any](r result[R], f func(*steam.Server) (R, error)) binding {
	return bind(nil, r, func(s *steam.Server, in []C.sv_arg, out *C.sv_ret) error {
		v, err := f(s)
		return finish(r, out, v, err)
	})
}

func call1[A, R any](pa param[A], r result[R], f func(*steam.Server, A) (R, error)) binding {
	return bind([]kind{pa.kind}, r, func(s *steam.Server, in []C.sv_arg, out *C.sv_ret) error {
		a, err := arg(pa, in, 0)
		if err != nil {
			return finish(r, out, r.fallback, err)
		}
		v, err := f(s, a)
		return finish(r, out, v, err)
	})
}

func call2[A, B, R any](pa param[A], pb param[B], r result[R], f func(*steam.Server, A, B) (R, error)) binding {
	return bind([]kind{pa.kind, pb.kind}, r, func(s *steam.Server, in []C.sv_arg, out *C.sv_ret) error {
		a, err := arg(pa, in, 0)
		if err != nil {
			return finish(r, out, r.fallback, err)
		}
		b, err := arg(pb, in, 1)
		if err != nil {
			return finish(r, out, r.fallback, err)
		}
		v, err := f(s, a, b)
		return finish(r, out, v, err)
	})
}

func call3[A, B, C3, R any](pa param[A], pb param[B], pc param[C3], r result[R], f func(*steam.Server, A, B, C3) (R, error)) binding {
	return bind([]kind{pa.kind, pb.kind, pc.kind}, r, func(s *steam.Server, in []C.sv_arg, out *C.sv_ret) error {
		a, err := arg(pa, in, 0)
		if err != nil {
			return finish(r, out, r.fallback, err)
		}
		b, err := arg(pb, in, 1)
		if err != nil {
			return finish(r, out, r.fallback, err)
		}
		c, err := arg(pc, in, 2)
		if err != nil {
			return finish(r, out, r.fallback, err)
		}
		v, err := f(s, a, b, c)
		return finish(r, out, v, err)
	})
}

func call4[A, B, C3, D, R any](pa param[A], pb param[B], pc param[C3], pd param[D], r result[R], f func(*steam.Server, A, B, C3, D) (R, error)) binding {
	return bind([]kind{pa.kind, pb.kind, pc.kind, pd.kind}, r, func(s *steam.Server, in []C.sv_arg, out *C.sv_ret) error {
		a, err := arg(pa, in, 0)
		if err != nil {
			return finish(r, out, r.fallback, err)
		}
		b, err := arg(pb, in, 1)
		if err != nil {
			return finish(r, out, r.fallback, err)
		}
		c, err := arg(pc, in, 2)
		if err != nil {
			return finish(r, out, r.fallback, err)
		}
		d, err := arg(pd, in, 3)
		if err != nil {
			return finish(r, out, r.fallback, err)
		}
		v, err := f(s, a, b, c, d)
		return finish(r, out, v, err)
	})
}

// callInts binds a method whose arguments are all ints (enums, counts, IDs), decoded in order; f
// gets their values.
func callInts[R any](ps []param[int64], r result[R], f func(*steam.Server, []int64) (R, error)) binding {
	kinds := make([]kind, len(ps))
	for i, p := range ps {
		kinds[i] = p.kind
	}
	return bind(kinds, r, func(s *steam.Server, in []C.sv_arg, out *C.sv_ret) error {
		v := make([]int64, len(ps))
		for i, p := range ps {
			var err error
			if v[i], err = arg(p, in, i); err != nil {
				return finish(r, out, r.fallback, err)
			}
		}
		got, err := f(s, v)
		if err != nil {
			got = r.fallback
		}
		return finish(r, out, got, err)
	})
}

// toUint32 is argument i's value v as a Steam uint32 (a count, an app ID, a page), or why not.
func toUint32(i int, v int64) (uint32, error) {
	if v < 0 || v > 0xFFFFFFFF {
		return 0, argError{i, fmt.Errorf("must be from 0 to 4294967295, got %d", v)}
	}
	return uint32(v), nil
}

var serverMode = enumArg("ServerMode")

// initArgs are serverInit's five arguments.
type initArgs struct {
	ip                        string
	gamePort, queryPort, mode int64
	version                   string
}

func callInit[R any](r result[R], f func(*steam.Server, initArgs) (R, error)) binding {
	kinds := []kind{text.kind, uint16Arg.kind, uint16Arg.kind, serverMode.kind, text.kind}
	return bind(kinds, r, func(s *steam.Server, in []C.sv_arg, out *C.sv_ret) error {
		var a initArgs
		var errs [5]error
		a.ip, errs[0] = arg(text, in, 0)
		a.gamePort, errs[1] = arg(uint16Arg, in, 1)
		a.queryPort, errs[2] = arg(uint16Arg, in, 2)
		a.mode, errs[3] = arg(serverMode, in, 3)
		a.version, errs[4] = arg(text, in, 4)
		for _, err := range errs {
			if err != nil {
				return finish(r, out, r.fallback, err)
			}
		}
		v, err := f(s, a)
		return finish(r, out, v, err)
	})
}

// Adapters for methods whose void Go counterpart returns only an error.

func do0(f func(*steam.Server) error) binding {
	return call0(void, func(s *steam.Server) (struct{}, error) { return struct{}{}, f(s) })
}

func do1[A any](pa param[A], f func(*steam.Server, A) error) binding {
	return call1(pa, void, func(s *steam.Server, a A) (struct{}, error) { return struct{}{}, f(s, a) })
}

func do2[A, B any](pa param[A], pb param[B], f func(*steam.Server, A, B) error) binding {
	return call2(pa, pb, void, func(s *steam.Server, a A, b B) (struct{}, error) { return struct{}{}, f(s, a, b) })
}
