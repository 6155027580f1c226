#!/usr/bin/env bash
# tests/cli/settings.sh: tandem setting list|set|unset over the registry
# of tunable thresholds, with balance.time_window_days (default 90, 7 to
# 730 days) as the key under test: what a key shows, setting and
# unsetting it (read back with SQL), the refusals that write nothing, a
# damaged stored value read as the default, and a set value used by the
# time profile's default period.
source "$(dirname "$0")/../lib.sh"

K=balance.time_window_days
digest() { dbsum "$DB" setting; }
t unit add Root
expect_rc "a database" 0

# --- list ------------------------------------------------------------------------
t setting list --json
expect_rc "list --json" 0
expect_eq "the key with its value, default, range, unit and source" \
	"90|90|7|730|days|false" \
	"$(jqo ".items[] | select(.key == \"$K\") | \"\(.value)|\(.default)|\(.min)|\(.max)|\(.unit)|\(.set)\"")"
expect_contains "and what it decides" \
	"$(jqo ".items[] | select(.key == \"$K\") | .doc")" "time profile"
expect_eq "count is the number of items" "$(jqo '.items | length')" "$(jqo .count)"
expect_eq "every key is listed once" "$(jqo '.items | length')" "$(jqo '[.items[].key] | unique | length')"
t setting list
expect_rc "list as a table" 0
expect_contains "the table's header" "$OUT" "KEY"
expect_eq "the key's row: value, default, range, unit, source" 1 \
	"$(printf '%s\n' "$OUT" | grep -cE "^$K +90 +90 +7-730 +days +default ")"

# --- set ---------------------------------------------------------------------------
t setting set $K --value 30
expect_rc "set to 30" 0
expect_contains "it says so" "$OUT" "$K: 30"
expect_eq "stored as text, read independently" "30" "$(sql "SELECT value FROM setting WHERE key = '$K'")"
t setting list --json
expect_eq "listed as set" "30|true" "$(jqo ".items[] | select(.key == \"$K\") | \"\(.value)|\(.set)\"")"
t setting set $K --value 7
expect_rc "the lowest value of the range" 0
t setting set $K --value 730
expect_rc "the highest value of the range" 0
expect_eq "one row for the key, the last value" "1|730" \
	"$(sql "SELECT count(*), max(value) FROM setting WHERE key = '$K'")"

# --- refusals: nothing written ------------------------------------------------------
before=$(digest)
t setting set $K --value 6
expect_rc "below the range exits 3" 3
expect_contains "it names the value and the range" "$ERR" "value: $K must be a whole number from 7 to 730"
t setting set $K --value 731
expect_rc "above the range exits 3" 3
t setting set $K --value 9.5
expect_rc "not a whole number exits 3" 3
t setting set balance.nothing --value 10
expect_rc "an unknown key exits 3" 3
expect_contains "it names the key" "$ERR" "key: no setting balance.nothing"
t setting set $K
expect_rc "no value exits 3" 3
expect_contains "it asks for the value" "$ERR" "value"
t setting unset balance.nothing
expect_rc "unset of an unknown key exits 3" 3
t setting set
expect_rc "no key is a usage error" 2
expect_eq "no refusal wrote anything" "$before" "$(digest)"

# --- unset -------------------------------------------------------------------------
t setting unset $K
expect_rc "unset" 0
expect_contains "it names the default" "$OUT" "back to its default, 90"
expect_eq "the row is gone" 0 "$(sql "SELECT count(*) FROM setting WHERE key = '$K'")"
t setting list --json
expect_eq "the default again" "90|false" "$(jqo ".items[] | select(.key == \"$K\") | \"\(.value)|\(.set)\"")"
t setting unset $K
expect_rc "unset twice is no error" 0

# a stored value outside the range (a damaged row) reads as the default
sql "INSERT INTO setting (key, value) VALUES ('$K', '5000')" >/dev/null
t setting list --json
expect_eq "a damaged value counts as unset" "90|false" \
	"$(jqo ".items[] | select(.key == \"$K\") | \"\(.value)|\(.set)\"")"
t setting unset $K

# --- the value is used: the time profile's default period --------------------------
today=$(date -u +%F)
t setting set $K --value 14
t balance time --json
expect_eq "a window of 14 days: today-13 to today" "$(date -u -d "$today - 13 days" +%F) $today 14" \
	"$(jqo '"\(.from) \(.to) \(.days)"')"
t setting unset $K
t balance time --json
expect_eq "unset: the last 90 days" "$(date -u -d "$today - 89 days" +%F) 90" "$(jqo '"\(.from) \(.days)"')"

# --- the audit log records a set ------------------------------------------------------
# sets: 30, 7, 730, 14; unsets: after the refusals, again, the damaged
# row, after 14; the refused ones wrote no record
expect_eq "each set and unset is audited, no refusal" "4|4" \
	"$(sql "SELECT (SELECT count(*) FROM audit WHERE action = 'setting set'),
	               (SELECT count(*) FROM audit WHERE action = 'setting unset')")"

finish
