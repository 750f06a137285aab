package up

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// checkPorts fails on the first taken port, naming it, its use and, when
// /proc tells, the process holding it.
func checkPorts(ports map[string]int) error {
	names := make([]string, 0, len(ports))
	for n := range ports {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool { return ports[names[i]] < ports[names[j]] })
	seen := map[int]string{}
	for _, name := range names {
		port := ports[name]
		if other, ok := seen[port]; ok {
			return fmt.Errorf("port %d is given to both %s and %s: change one of the port flags", port, other, name)
		}
		seen[port] = name
		l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		if err != nil {
			who := Listener(port)
			if who != "" {
				who = " by " + who
			}
			return fmt.Errorf("port %d (%s) is taken%s: stop what uses it or choose other ports (up -h lists the port flags)", port, name, who)
		}
		l.Close()
	}
	return nil
}

// Listener names the process listening on a TCP port ("pid 123 (temporal)"),
// or "" when /proc does not say (another user's process, no /proc).
func Listener(port int) string {
	inodes := map[string]bool{}
	for _, f := range []string{"/proc/net/tcp", "/proc/net/tcp6"} {
		file, err := os.Open(f)
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(file)
		for sc.Scan() {
			fields := strings.Fields(sc.Text())
			// sl local_address rem_address st ... inode (field 9); st 0A = LISTEN
			if len(fields) < 10 || fields[3] != "0A" {
				continue
			}
			_, hexPort, ok := strings.Cut(fields[1], ":")
			if p, err := strconv.ParseInt(hexPort, 16, 32); ok && err == nil && int(p) == port {
				inodes["socket:["+fields[9]+"]"] = true
			}
		}
		file.Close()
	}
	if len(inodes) == 0 {
		return ""
	}
	fds, _ := filepath.Glob("/proc/[0-9]*/fd/*")
	for _, fd := range fds {
		target, err := os.Readlink(fd)
		if err != nil || !inodes[target] {
			continue
		}
		pid := strings.Split(fd, "/")[2]
		comm, _ := os.ReadFile(filepath.Join("/proc", pid, "comm"))
		return fmt.Sprintf("pid %s (%s)", pid, strings.TrimSpace(string(comm)))
	}
	return ""
}
