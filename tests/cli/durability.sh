#!/usr/bin/env bash
# tests/cli/durability.sh: nothing is lost or half-written when tandem is
# killed (SIGKILL, no chance to clean up) in the middle of writing.
#
# (a) tandem demo seeds in one transaction: killed while it writes, the
#     database passes an integrity check (SQLite's PRAGMA integrity_check,
#     PostgreSQL's amcheck) and holds all of the demo or none of it, never
#     part.
# (b) a loop of `tandem step add`, its current process killed at a random
#     moment: every step reported as added is there, complete, and at
#     most the one in flight was added without being reported.
#
# Sizes: DURABILITY_STEPS (default 300000) steps for the killed demo; the
# sanitizer build is slower, so it is only ever further from finishing.
source "$(dirname "$0")/../lib.sh"

STEPS=${DURABILITY_STEPS:-300000}

# our_tandem PID URL: true if PID is a live tandem process working on our
# database URL (a path in our $TMP, or a PostgreSQL database named for
# this test: guards against a reused pid before we send SIGKILL to it).
# Builtins only, so that the check is quick next to a step add's short life.
our_tandem() {
	local args
	mapfile -d '' -t args 2>/dev/null <"/proc/$1/cmdline" || return 1
	[[ "${args[*]}" == *"$2"* ]]
}

# nap SECONDS: sleeps without starting a process (read times out on a
# FIFO that nobody writes to).
mkfifo "$TMP/nap"
exec {NAP_FD}<>"$TMP/nap"
nap() {
	read -r -t "$1" -u "$NAP_FD" _
}

# --- (a) a killed demo leaves all or nothing -----------------------------

n=0
for delay in 0.3 0.55 0.8; do
	n=$((n + 1))
	url=$(newdb "demo$n")
	"$TANDEM" --db "$url" demo --steps "$STEPS" --plans 20 --today 2026-11-27 \
		>"$TMP/demo$n.out" 2>"$TMP/demo$n.err" &
	pid=$!
	sleep "$delay"
	if kill -0 "$pid" 2>/dev/null && our_tandem "$pid" "$url"; then
		pass
		kill -KILL "$pid"
	else
		fail "demo still running after ${delay}s (it must be killed while it writes)" \
			"$(cat "$TMP/demo$n.err")"
	fi
	wait "$pid" 2>/dev/null	# (quiet: the shell would report "Killed")
	rc=$?
	expect_eq "demo killed after ${delay}s: died of SIGKILL" 137 "$rc"
	expect_eq "demo killed after ${delay}s: printed no summary" "" "$(cat "$TMP/demo$n.out")"
	expect_eq "demo killed after ${delay}s: integrity_check" ok "$(integrity "$url")"
	# the step table exists once the (separately committed) schema does
	has_step=$(has_table "$url" step)
	steps=0
	units=0
	if [ "$has_step" = 1 ]; then
		steps=$(sqlat "$url" 'SELECT count(*) FROM step')
		units=$(sqlat "$url" 'SELECT count(*) FROM unit')
	fi
	case $steps in
	0 | "$STEPS") pass ;;
	*) fail "demo killed after ${delay}s: steps are 0 or $STEPS" "got $steps" ;;
	esac
	# killed mid-write, the one transaction never committed: nothing at all
	expect_eq "demo killed after ${delay}s: no step was kept" 0 "$steps"
	expect_eq "demo killed after ${delay}s: no unit was kept either" 0 "$units"
	expect_eq "demo killed after ${delay}s: no dependency or time kept" "0|0" \
		"$( [ "$has_step" = 1 ] && sqlat "$url" 'SELECT (SELECT count(*) FROM step_dep), (SELECT count(*) FROM time_entry)' || echo '0|0')"
	# the database is still tandem's and still empty enough to seed
	run "$TANDEM" --db "$url" demo --steps 50 --today 2026-11-27
	expect_rc "demo killed after ${delay}s: a new demo seeds the same database" 0
	expect_eq "demo killed after ${delay}s: the new demo is whole" "6|50" \
		"$(sqlat "$url" 'SELECT (SELECT count(*) FROM unit), (SELECT count(*) FROM step)')"
done

# the other half of "all or nothing": a demo left to finish keeps all of it
url=$(newdb whole)
run "$TANDEM" --db "$url" demo --steps 2000 --plans 20 --today 2026-11-27
expect_rc "an uninterrupted demo" 0
expect_eq "an uninterrupted demo keeps every step" 2000 "$(sqlat "$url" 'SELECT count(*) FROM step')"
expect_eq "an uninterrupted demo: integrity_check" ok "$(integrity "$url")"

# --- (b) a loop of step adds, killed at a random moment ------------------

# adder: step add s1 .. s200, one process at a time; writes "PID I" of the
# current process to $TMP/cur, and "I RC" to $TMP/stopped when one fails.
adder() {
	local i
	for i in $(seq 1 200); do
		"$TANDEM" --db "$DB" step add "s$i" --plan 1 --estimate-hours 1.5 \
			>>"$TMP/loop.out" 2>>"$TMP/loop.err" &
		echo "$! $i" >"$TMP/cur"
		wait $! 2>/dev/null
		local rc=$?
		if [ $rc -ne 0 ]; then
			echo "$i $rc" >"$TMP/stopped"
			return
		fi
	done
}

for round in 1 2; do
	DB=$(newdb "loop$round")	# t, sql and adder all use it
	t unit add Root
	t plan add Loop --unit 1 --start-date 2026-03-02
	expect_rc "round $round: setup" 0
	rm -f "$TMP/cur" "$TMP/stopped" "$TMP/loop.err"
	: >"$TMP/loop.out"
	target=$((20 + RANDOM % 100))	# the iteration to strike in
	adder &
	adder_pid=$!
	killed=
	i0='' t0=''
	while kill -0 "$adder_pid" 2>/dev/null; do
		pid='' i=''
		read -r pid i 2>/dev/null <"$TMP/cur"
		if [ -z "$i" ]; then	# not started yet, or caught mid-write
			nap 0.001
			continue
		fi
		now=${EPOCHREALTIME/./}	# microseconds
		[ -z "$i0" ] && { i0=$i; t0=$now; }
		if [ -n "$killed" ]; then
			# struck: it dies and the loop stops, or it had just ended
			# and the loop goes on; then strike again
			[ -e "$TMP/stopped" ] && break
			if [ "$i" -gt "$killed" ]; then
				killed=
				target=$i
			fi
		elif [ "$i" -ge "$target" ]; then
			# a random moment in that process's life: a random part of
			# the time one step add has taken so far (5000 us at first)
			period=5000
			[ "$i" -gt "$i0" ] && period=$(((now - t0) / (i - i0)))
			delay=$(((RANDOM * 32768 + RANDOM) % (period + 1)))
			nap "$(printf '%d.%06d' $((delay / 1000000)) $((delay % 1000000)))"
			if our_tandem "$pid" "$DB" && kill -KILL "$pid" 2>/dev/null; then
				killed=$i
				continue
			fi
			target=$((i + 1))	# it had ended: strike the next one
		fi
		nap 0.001
	done
	wait "$adder_pid"
	if [ -n "$killed" ]; then pass; else fail "round $round: a step add was killed" "the loop ended first"; fi
	read -r k krc <"$TMP/stopped" 2>/dev/null || { k=0; krc=none; }
	expect_eq "round $round: the loop stopped at the killed process" "$killed 137" "$k $krc"

	expect_eq "round $round: integrity_check" ok "$(integrity)"
	lines=$(grep -c '^step [0-9][0-9]* added$' "$TMP/loop.out")
	expect_eq "round $round: every output line is whole" "$(wc -l <"$TMP/loop.out")" "$lines"
	# (a process killed while LeakSanitizer checks it at exit leaves this
	# line from LSan's tracer; it says nothing of tandem)
	expect_eq "round $round: no errors from the adds before the kill" "" \
		"$(grep -v '^==[0-9]*==Unable to get registers from thread' "$TMP/loop.err")"
	count=$(sql 'SELECT count(*) FROM step')
	[ -n "${DURABILITY_VERBOSE:-}" ] &&
		echo "round $round: killed step add $k (aimed at $target); $lines reported, $count stored" >&2
	# Process k died; 1..k-1 finished and reported. A step is reported
	# only after its transaction commits (the line is flushed at exit), so
	# the reported lines L are k-1, or k if it died after flushing; the
	# rows N are L, or L+1 if it died between its commit and its flush.
	case $lines in
	$((k - 1)) | "$k") pass ;;
	*) fail "round $round: lines are k-1 or k" "k=$k lines=$lines" ;;
	esac
	if [ "$count" -ge "$lines" ] && [ "$count" -le $((lines + 1)) ] &&
		[ "$count" -ge $((k - 1)) ] && [ "$count" -le "$k" ]; then
		pass
	else
		fail "round $round: rows are the reported steps plus at most the one in flight" \
			"k=$k lines=$lines rows=$count"
	fi
	if [ "$lines" = "$k" ]; then
		expect_eq "round $round: a step reported at the kill was committed" "$k" "$count"
	fi
	# the rows are exactly s1..sN in id order, every field whole
	expect_eq "round $round: the rows are s1..s$count in order" \
		"$(seq -f 's%g' 1 "$count" | paste -sd, -)" \
		"$(sql "SELECT name FROM step ORDER BY id" | join_lines ,)"
	expect_eq "round $round: no incomplete row" 0 \
		"$(sql "SELECT count(*) FROM step WHERE name IS NULL OR plan_id IS NULL OR status <> 'todo'
		        OR estimate_minutes <> 90 OR duration_days <> 1 OR plan_id NOT IN (SELECT id FROM plan)")"
	expect_eq "round $round: the reported ids are the first rows" \
		"$(sed 's/^step \([0-9]*\) added$/\1/' "$TMP/loop.out" | paste -sd, -)" \
		"$(sql "SELECT id FROM step ORDER BY id LIMIT $lines" | join_lines ,)"
	expect_eq "round $round: foreign keys hold" "" "$(fk_violations)"

	# and tandem goes on writing to it
	t step add after-kill --plan 1
	expect_rc "round $round: step add after the kill" 0
	t step count --plan 1
	expect_eq "round $round: step count after the kill" "$((count + 1))" "$OUT"
done

finish
