module example.com/agent

go 1.19

toolchain go1.20.14

require golang.org/x/sys v0.15.0
