package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/gosteam/godot-steam-server/signals"
	"github.com/gosteam/godot-steam-server/steam"
)

const classBrief = "The Steamworks game-server API, on real Steam or on a built-in offline backend."

// classDescriptions introduce each class in the editor's help.
var classDescriptions = [classCount]string{
	classSteam:       steamDescription,
	classSteamServer: "GodotSteam Server 4's API, for scripts written for it: the same game server as [Steam], whose signals are emitted here too. Where GodotSteam Server 4's signature differs from the Game Server page's, this class has GodotSteam Server 4's ([method beginAuthSession] with [code]ticket_size[/code], [method getAuthSessionTicket] with a [code]remote_steam_id[/code], [method setModDir]'s [code]mod_directory[/code]).\n" + steamDescription,
}

const steamDescription = `A dedicated server initializes with [method serverInit], logs on with [method logOnAnonymous] or [method logOn], describes itself with the setters ([method setServerName], [method setMapName], ...), authenticates players with [method beginAuthSession], and calls [method run_callbacks] every frame: every signal is emitted there, on the main thread, in the order the events happened.
Steam IDs are [int]s holding the same 64 bits as Steam's uint64. A refused call (wrong argument type, out-of-range value, over-long string, or any call but [method run_callbacks] and [method getServerState] before [method serverInit]) prints an error naming the method and returns a safe value: [code]false[/code], [code]0[/code], or the documented Dictionary with zero values; [method beginAuthSession] returns [constant BEGIN_AUTH_SESSION_RESULT_INVALID_TICKET] and [method userHasLicenseForApp] [constant USER_HAS_LICENSE_RESULT_NO_AUTH].
Without Steam, the offline backend emulates the game server: log-on, Steam IDs, signed auth tickets, licences and signals behave as on Steam.
Differences from the C++ GodotSteam Server: [method beginAuthSession] takes the ticket bytes ([PackedByteArray] or the Dictionary from [method getAuthSessionTicket]); [method handleIncomingPacket] takes the datagram as a [PackedByteArray] and returns the bytes Steam took as [code]data[/code]; [method getNextOutgoingPacket] returns the real datagram.`

// bbcode turns the table's markdown code spans into the class reference's [code] tags.
func bbcode(text string) string {
	parts := strings.Split(text, "`")
	var b strings.Builder
	for i, p := range parts {
		if i%2 == 1 {
			b.WriteString("[code]" + p + "[/code]")
		} else {
			b.WriteString(p)
		}
	}
	return b.String()
}

// xmlText escapes as Godot's doc tool does: quotes only inside attributes.
func xmlText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

func xmlAttr(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// docTypeAttrs renders type="..." and, for enums, enum="<Class>.X".
func docTypeAttrs(cls classID, k kind) string {
	if k.Enum != "" {
		return fmt.Sprintf(`type="%s" enum="%s"`, k.Name, enumClass(cls, k.Enum))
	}
	return fmt.Sprintf(`type="%s"`, k.Name)
}

// writeDescription writes a description block the way the doc tool indents it.
func writeDescription(b *strings.Builder, tag string, depth int, text string) {
	tabs := strings.Repeat("\t", depth)
	fmt.Fprintf(b, "%s<%s>\n", tabs, tag)
	if text != "" {
		inner := tabs + "\t"
		fmt.Fprintf(b, "%s%s\n", inner, strings.ReplaceAll(xmlText(text), "\n", "\n"+inner))
	}
	fmt.Fprintf(b, "%s</%s>\n", tabs, tag)
}

func defaultLiteral(v any) string {
	if s, ok := v.(string); ok {
		return fmt.Sprintf("%q", s)
	}
	return fmt.Sprint(v)
}

// methodDescription is a method's entry in the class reference: what it does, the signals it
// leads to, the Steamworks call behind it, and the offline backend's answer where it differs.
func methodDescription(m method) string {
	text := bbcode(m.doc)
	if len(m.emits) > 0 {
		names := make([]string, len(m.emits))
		for i, id := range m.emits {
			names[i] = "[signal " + signals.Catalogue[id].Name + "]"
		}
		text += "\nLeads to " + strings.Join(names, ", ") + " (emitted by [method run_callbacks])."
	}
	if m.steam != "" {
		text += "\nSteamworks: [code]" + m.steam + "[/code]."
	}
	if m.offline != "" {
		text += "\nOffline backend: " + bbcode(m.offline) + "."
	}
	return text
}

// classXML is a class's reference, generated from the tables the extension registers. It is
// committed as doc_classes/<Class>.xml, loaded into the editor's help, and checked by
// ./build.sh test to come back unchanged from Godot's --doctool.
func classXML(cls classID) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" ?>` + "\n")
	fmt.Fprintf(&b, `<class name="%s" inherits="Object" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="https://raw.githubusercontent.com/godotengine/godot/master/doc/class.xsd">`+"\n", cls)
	writeDescription(&b, "brief_description", 1, classBrief)
	writeDescription(&b, "description", 1, classDescriptions[cls])
	b.WriteString("\t<tutorials>\n\t</tutorials>\n")

	sorted := classMethods(cls)
	slices.SortFunc(sorted, func(a, c method) int { return strings.Compare(a.name, c.name) })
	b.WriteString("\t<methods>\n")
	for _, m := range sorted {
		fmt.Fprintf(&b, "\t\t<method name=\"%s\">\n", m.name)
		fmt.Fprintf(&b, "\t\t\t<return %s />\n", docTypeAttrs(cls, m.bind.ret))
		firstDefault := len(m.args) - len(m.defaults)
		for i, name := range m.args {
			def := ""
			if i >= firstDefault {
				def = fmt.Sprintf(` default="%s"`, xmlAttr(defaultLiteral(m.defaults[i-firstDefault])))
			}
			fmt.Fprintf(&b, "\t\t\t<param index=\"%d\" name=\"%s\" %s%s />\n", i, name, docTypeAttrs(cls, m.bind.args[i]), def)
		}
		writeDescription(&b, "description", 3, methodDescription(m))
		b.WriteString("\t\t</method>\n")
	}
	b.WriteString("\t</methods>\n")

	var sigs []signals.Signal
	for id := range signals.Catalogue {
		sigs = append(sigs, classSignal(cls, signals.ID(id)))
	}
	slices.SortFunc(sigs, func(a, c signals.Signal) int { return strings.Compare(a.Name, c.Name) })
	b.WriteString("\t<signals>\n")
	for _, s := range sigs {
		fmt.Fprintf(&b, "\t\t<signal name=\"%s\">\n", s.Name)
		for i, p := range s.Params {
			k := kind{Type: typeInt, Name: "int", Enum: p.Enum}
			switch p.Type {
			case signals.Bool:
				k = kind{Type: typeBool, Name: "bool"}
			case signals.String:
				k = kind{Type: typeString, Name: "String"}
			case signals.Dictionary:
				k = kind{Type: typeDictionary, Name: "Dictionary"}
			case signals.Array:
				k = kind{Type: typeArray, Name: "Array"}
			}
			fmt.Fprintf(&b, "\t\t\t<param index=\"%d\" name=\"%s\" %s />\n", i, p.Name, docTypeAttrs(cls, k))
		}
		writeDescription(&b, "description", 3, bbcode(s.Doc))
		b.WriteString("\t\t</signal>\n")
	}
	b.WriteString("\t</signals>\n")

	b.WriteString("\t<constants>\n")
	for _, e := range steam.Enums {
		for _, c := range e.Values {
			fmt.Fprintf(&b, "\t\t<constant name=\"%s\" value=\"%d\" enum=\"%s\">\n\t\t</constant>\n", c.Name, c.Value, e.Name)
		}
	}
	for _, c := range steam.Constants {
		fmt.Fprintf(&b, "\t\t<constant name=\"%s\" value=\"%d\">\n\t\t</constant>\n", c.Name, c.Value)
	}
	b.WriteString("\t</constants>\n</class>\n")
	return b.String()
}
