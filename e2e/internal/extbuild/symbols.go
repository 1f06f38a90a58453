package extbuild

import (
	"debug/elf"
	"debug/pe"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// EntrySymbol is the entry_symbol steam.gdextension names: every library must export it.
func (r Repo) EntrySymbol() (string, error) {
	data, err := os.ReadFile(filepath.Join(r.Root, "steam.gdextension"))
	if err != nil {
		return "", err
	}
	m := regexp.MustCompile(`(?m)^entry_symbol *= *"([^"]+)"`).FindSubmatch(data)
	if m == nil {
		return "", fmt.Errorf("no entry_symbol in steam.gdextension")
	}
	return string(m[1]), nil
}

// CheckLibrary checks that target's built library is for target's machine, exports the entry
// symbol and needs nothing but the system's own libraries (for Windows: no MinGW runtime DLL,
// which a game's players do not have). It returns a one-line summary.
func (r Repo) CheckLibrary(t Target) (string, error) {
	entry, err := r.EntrySymbol()
	if err != nil {
		return "", err
	}
	path := filepath.Join(r.Bin(), t.Lib)
	if t.GOOS == "windows" {
		return checkPE(path, entry)
	}
	return checkELF(path, entry, t.GOARCH)
}

var elfMachine = map[string]elf.Machine{"amd64": elf.EM_X86_64, "arm64": elf.EM_AARCH64}

func checkELF(path, entry, goarch string) (string, error) {
	f, err := elf.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	if want := elfMachine[goarch]; f.Machine != want || f.Class != elf.ELFCLASS64 {
		return "", fmt.Errorf("%s is %s %s, want 64-bit %s", path, f.Class, f.Machine, want)
	}
	syms, err := f.DynamicSymbols()
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	exported := slices.ContainsFunc(syms, func(s elf.Symbol) bool {
		return s.Name == entry && elf.ST_TYPE(s.Info) == elf.STT_FUNC && s.Section != elf.SHN_UNDEF &&
			elf.ST_BIND(s.Info) == elf.STB_GLOBAL
	})
	if !exported {
		return "", fmt.Errorf("%s does not export the function %s", path, entry)
	}
	needed, err := f.ImportedLibraries()
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("ELF %s, exports %s, needs %s", f.Machine, entry, strings.Join(needed, " ")), nil
}

// mingwRuntime matches the DLLs of MinGW's runtime, which only a MinGW install has.
var mingwRuntime = regexp.MustCompile(`(?i)libgcc|libwinpthread|libstdc`)

func checkPE(path, entry string) (string, error) {
	f, err := pe.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	if f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		return "", fmt.Errorf("%s is for machine %#x, want x86-64", path, f.Machine)
	}
	exports, err := peExports(f)
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	if !slices.Contains(exports, entry) {
		return "", fmt.Errorf("%s does not export %s (exports %v)", path, entry, exports)
	}
	// debug/pe's ImportedLibraries is unimplemented (it returns nothing); ImportedSymbols gives
	// "symbol:DLL" for every import.
	symbols, err := f.ImportedSymbols()
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	var dlls []string
	for _, s := range symbols {
		if _, dll, ok := strings.Cut(s, ":"); ok {
			dlls = append(dlls, dll)
		}
	}
	slices.Sort(dlls)
	dlls = slices.Compact(dlls)
	if len(dlls) == 0 {
		return "", fmt.Errorf("%s imports no DLL at all: its import table was not read", path)
	}
	for _, dll := range dlls {
		if mingwRuntime.MatchString(dll) {
			return "", fmt.Errorf("%s imports MinGW's runtime DLL %s (imports %v)", path, dll, dlls)
		}
	}
	return fmt.Sprintf("PE x86-64, exports %s, imports only %s", entry, strings.Join(dlls, " ")), nil
}

// peExports reads the names of the export directory (debug/pe parses imports, not exports).
func peExports(f *pe.File) ([]string, error) {
	var dir pe.DataDirectory
	switch h := f.OptionalHeader.(type) {
	case *pe.OptionalHeader64:
		if h.NumberOfRvaAndSizes <= pe.IMAGE_DIRECTORY_ENTRY_EXPORT {
			return nil, fmt.Errorf("no export directory")
		}
		dir = h.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_EXPORT]
	default:
		return nil, fmt.Errorf("not a PE32+ file")
	}
	if dir.Size == 0 {
		return nil, fmt.Errorf("no export directory")
	}
	// read(rva, n): n bytes at a virtual address, from the section that holds it.
	read := func(rva, n uint32) ([]byte, error) {
		for _, s := range f.Sections {
			if rva >= s.VirtualAddress && rva+n <= s.VirtualAddress+max(s.VirtualSize, s.Size) {
				data, err := s.Data()
				if err != nil {
					return nil, err
				}
				off := rva - s.VirtualAddress
				if off+n > uint32(len(data)) {
					return nil, fmt.Errorf("address %#x beyond section %s", rva, s.Name)
				}
				return data[off : off+n], nil
			}
		}
		return nil, fmt.Errorf("address %#x in no section", rva)
	}
	u32 := func(b []byte) uint32 { return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24 }
	header, err := read(dir.VirtualAddress, 40) // IMAGE_EXPORT_DIRECTORY
	if err != nil {
		return nil, err
	}
	count, namesRVA := u32(header[24:]), u32(header[32:])
	if count > 1<<16 {
		return nil, fmt.Errorf("implausible export count %d", count)
	}
	var names []string
	for i := uint32(0); i < count; i++ {
		ptr, err := read(namesRVA+4*i, 4)
		if err != nil {
			return nil, err
		}
		name, err := readCString(read, u32(ptr))
		if err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	return names, nil
}

func readCString(read func(rva, n uint32) ([]byte, error), rva uint32) (string, error) {
	var b []byte
	for i := uint32(0); i < 512; i++ {
		c, err := read(rva+i, 1)
		if err != nil {
			return "", err
		}
		if c[0] == 0 {
			return string(b), nil
		}
		b = append(b, c[0])
	}
	return "", fmt.Errorf("export name at %#x is too long", rva)
}
