# users: tandem user/token/audit from the command line. Passwords never
# come as flags; bad input names the flag and writes nothing; the last
# admin stays; every CLI write leaves an audit record.
. "$(dirname "$0")/../lib.sh"

t unit add Plant && t person add "Ann Lee" --email Ann@X.example --unit 1 &&
	t person add "Bo Chen" --email bo@x.example --unit 1
expect_rc "seed" 0

TANDEM_PASSWORD="a long enough secret" t user add --person 1 --role admin
expect_rc "an admin for Ann" 0
expect_eq "it says how to sign in, and prints no password it did not make" \
	"user 1 added: sign in as ann@x.example" "$OUT"
expect_eq "the stored password is an Argon2id hash" 1 \
	"$(sql "SELECT count(*) FROM account WHERE pw_hash LIKE '\$argon2id\$%'")"
expect_eq "and not the password" 0 "$(sql "SELECT count(*) FROM account WHERE pw_hash LIKE '%long enough%'")"
t user add --person 2 --role member
expect_contains "a generated password is printed once" "$OUT" "password: "
pw=$(printf '%s\n' "$OUT" | sed -n 's/^password: \([^ ]*\).*/\1/p')
expect_eq "of 20 characters" 20 "${#pw}"
t user list
expect_eq "the list" "ID  LOGIN          ROLE    PERSON   UNIT
 1  ann@x.example  admin   Ann Lee  Plant
 2  bo@x.example   member  Bo Chen  Plant" "$OUT"
t user show 2 --json
expect_eq "show --json" "member bo@x.example 2" "$(jqo '"\(.role) \(.login) \(.person_id)"')"

# refusals: the flag named, nothing written
refused() {	# NAME CODE NEEDLE ARGS...
	local name=$1 code=$2 needle=$3
	shift 3
	local before
	before=$(dbsum)
	t "$@"
	expect_rc "$name: exit $code" "$code"
	expect_contains "$name: message" "$ERR" "$needle"
	expect_eq "$name: nothing written" "$before" "$(dbsum)"
}
refused "a role that does not exist" 3 "--role: must be one of admin, manager, member, viewer" user add --person 2 --role boss
refused "no role" 3 "--role: is required" user add --person 2
refused "a person who does not exist" 4 "--person: no person with id 9" user add --person 9 --role member
refused "a second account for Bo" 5 "--person: person 2 already has an account" user add --person 2 --role viewer
refused "a member of no person" 3 "--person: is required for a member" user add --login ops --role member
refused "an admin of no person needs a login" 3 "--login: is required" user add --role admin
refused "a login with capitals" 3 "--login: lower case" user add --login Ops --role admin
refused "a taken login" 5 "--login: ann@x.example is already taken" user add --login ann@x.example --role admin
refused "a password as a flag" 2 "unknown flag --password" user add --person 2 --role admin --password x
refused "removing the last admin" 5 "account 1 is the last admin" user rm 1
refused "demoting the last admin" 5 "--role: account 1 is the last admin" user set 1 --role viewer
refused "an unknown account" 4 "no account with id 7" user set 7 --role viewer
before=$(dbsum)
run "$TANDEM" --db "$DB" user passwd 2 <<<"short"
expect_rc "a short password: exit 3" 3
expect_contains "a short password: message" "$ERR" "password: must be at least 10 characters"
expect_eq "a short password: nothing written" "$before" "$(dbsum)"
run "$TANDEM" --db "$DB" user passwd 2 </dev/null
expect_rc "no password on stdin: exit 3" 3

# passwd ends sessions; a token is shown once and works as the user
t token add --user 2 --name "nightly export"
expect_rc "a token" 0
tok=$(printf '%s\n' "$OUT" | tail -n 1)
expect_eq "43 characters of base64url" 43 "$(printf '%s' "$tok" | tr -dc 'A-Za-z0-9_-' | wc -c)"
expect_eq "stored as a hash only" 0 "$(sql "SELECT count(*) FROM token WHERE hash = '$tok'")"
t token list --user 2
expect_contains "listed by name" "$OUT" "nightly export"
refused "a token without a name" 3 "name: is required" token add --user 2
refused "a token for nobody" 4 "no account with id 9" token add --user 9 --name x
refused "a token of 0 days" 3 "--days: must be a whole number from 1 to 3650" token add --user 2 --name x --days 0
run "$TANDEM" --db "$DB" user passwd 2 <<<"a brand new password"
expect_rc "passwd from stdin" 0
expect_contains "passwd says sessions ended" "$OUT" "their sessions were ended"
id=$(sql "SELECT id FROM token WHERE name = 'nightly export'")
t token rm "$id" --user 1
expect_rc "another user's token is not found" 4
t token rm "$id" --user 2
expect_eq "revoked" "token $id revoked" "$OUT"
expect_eq "gone" 0 "$(sql "SELECT count(*) FROM token")"

# the audit log: every CLI write, refused ones not
t user add --login ops --role admin
ops=$(sql "SELECT id FROM account WHERE login = 'ops'")
refused "an admin of no person stays an admin" 3 "--role: account $ops belongs to no person, so it can only be an admin" user set "$ops" --role viewer
t user set 1 --role manager
expect_rc "with a second admin, the first may step down" 0
t audit --json
expect_eq "the newest record first" "user set|cli|1" "$(jqo '"\(.items[0].action)|\(.items[0].via)|\(.items[0].entity_id)"')"
expect_eq "one record per successful write" \
	"$(sql "SELECT count(*) FROM audit")" "$(jqo '.count')"
expect_eq "the refused writes left no record" 0 "$(sql "SELECT count(*) FROM audit WHERE detail LIKE '%boss%'")"
expect_eq "the writes recorded: 3 units/people, 3 users, 1 passwd, 1 token add, 1 rm, 1 set" \
	"10" "$(sql "SELECT count(*) FROM audit WHERE via = 'cli'")"
t audit
expect_contains "the table" "$OUT" "WHEN (UTC)"
finish
