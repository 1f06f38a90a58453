package main

// On Windows Godot handles console close events itself; the extension installs nothing.
func watchTermination()   {}
func deliverTermination() {}
