#!/usr/bin/env bash
# tests/cli/archetypes.sh: the balance validation (issue 7). The generator
# (tandem balance generate) makes the four archetype organizations at
# about 7, 25 and 60 units with two seeds each; the diagnosis (tandem
# balance --json) must put at least 95 % of the units, the organization
# counted as one more, in the archetype's quadrant. The expected quadrant
# comes from the archetype asked for, not from the scoring code:
#   strong      -> well-led-well-managed
#   overmanaged -> overmanaged-underled
#   overled     -> overled-undermanaged
#   weak        -> neither
# Then: what the generator writes, checked against its parameter ranges
# by SQL (a second reader); its refusals (a used database, an unknown
# archetype, sizes out of range) write nothing; and the demo's units in
# three quadrants with a monthly history.
source "$(dirname "$0")/../lib.sh"

DAY=2026-11-27	# every run is anchored on this day, whatever the clock says
declare -A QUAD=([strong]=well-led-well-managed [overmanaged]=overmanaged-underled
	[overled]=overled-undermanaged [weak]=neither)
declare -A KEEP	# one database per archetype (25 units, seed 1) for the checks below

echo "archetype validation (share of the units, and the organization, in the archetype's quadrant):"
for arch in strong overmanaged overled weak; do
	for units in 7 25 60; do
		for seed in 1 2; do
			url=$(newdb "arch_${arch}_${units}_$seed") || exit 1
			[ "$units" = 25 ] && [ "$seed" = 1 ] && KEEP[$arch]=$url
			run "$TANDEM" --db "$url" balance generate --archetype "$arch" --units "$units" \
				--seed "$seed" --today "$DAY"
			expect_rc "$arch $units seed $seed: generate" 0
			# 8 people per unit by default
			expect_eq "$arch $units seed $seed: units and people" "$units|$((units * 8))" \
				"$(sqlat "$url" 'SELECT (SELECT count(*) FROM unit), (SELECT count(*) FROM person)')"
			run "$TANDEM" --db "$url" --json balance --as-of "$DAY"
			expect_rc "$arch $units seed $seed: balance" 0
			read -r hit total < <(jq -r --arg q "${QUAD[$arch]}" \
				'[(.items | map(select(.quadrant == $q)) | length), (.items | length)] | @tsv' \
				<<<"$OUT")
			expect_eq "$arch $units seed $seed: every unit and the organization scored" \
				"$((units + 1))" "${total:-}"
			printf '  %-12s %3d units, seed %d: %3d of %3d in %-22s (%s %%)\n' "$arch" "$units" \
				"$seed" "${hit:-0}" "${total:-0}" "${QUAD[$arch]}" \
				"$(awk -v h="${hit:-0}" -v t="${total:-1}" 'BEGIN { printf "%.1f", 100 * h / t }')"
			if [ -n "${hit:-}" ] && [ $((hit * 100)) -ge $((95 * total)) ]; then
				pass
			else
				fail "$arch $units seed $seed: at least 95 % in ${QUAD[$arch]}" \
					"$hit of $total; the others: $(jq -r --arg q "${QUAD[$arch]}" \
					'[.items[] | select(.quadrant != $q) | "\(.name) M \(.management) L \(.leadership)"] | join("; ")' \
					<<<"$OUT")"
			fi
			# too much, from the generator's ranges against the bands: an
			# overmanaged organization has 40-52 steps a plan (band 4-30),
			# spans of 2-3 (band 4-10) and managers controlling 35-50 % of
			# their time (band 5-25); an overled one 4.5-6 communications a
			# person per 30 days (band 0.3-4); strong and weak ones none of these
			flags=$(jq -r '[.items[0].too_much[] | select(. == "P4" or . == "S4" or . == "C4" or . == "A4")] | join(" ")' <<<"$OUT")
			case $arch in
			overmanaged) want="P4 S4 C4" ;;
			overled) want="A4" ;;
			*) want="" ;;
			esac
			expect_eq "$arch $units seed $seed: the organization's too-much flags" "$want" "$flags"
		done
	done
done

# --- the tree: a root, then breadth first, each parent 2 to 5 children --------
for arch in strong overmanaged overled weak; do
	url=${KEEP[$arch]}
	expect_eq "$arch: one root" 1 "$(sqlat "$url" 'SELECT count(*) FROM unit WHERE parent_id IS NULL')"
	# every parent but the last one filled has 2-5 children; none has more than 5
	expect_eq "$arch: no parent has more than 5 children" 0 \
		"$(sqlat "$url" 'SELECT count(*) FROM (SELECT parent_id FROM unit WHERE parent_id IS NOT NULL GROUP BY parent_id HAVING count(*) > 5) x')"
	expect_eq "$arch: at most one parent (the last) has a single child" 1 \
		"$(sqlat "$url" 'SELECT CASE WHEN count(*) <= 1 THEN 1 ELSE 0 END FROM (SELECT parent_id FROM unit WHERE parent_id IS NOT NULL GROUP BY parent_id HAVING count(*) < 2) x')"
	# everyone but the root's head has a manager
	expect_eq "$arch: one person without a manager" 1 \
		"$(sqlat "$url" 'SELECT count(*) FROM person WHERE manager_id IS NULL')"
done

# --- what the generator writes, against its ranges (src/balance/archetype.c) ---
# The windows end on DAY: the last 90 days are 2026-08-30 .. 2026-11-27.
om=${KEEP[overmanaged]}
# steps per plan: every plan's first draws 40-52 steps, the others too
expect_eq "overmanaged: at least 40 steps in every plan" 0 \
	"$(sqlat "$om" 'SELECT count(*) FROM (SELECT plan_id FROM step GROUP BY plan_id HAVING count(*) < 40) x')"
# control time: each logging manager's 26 entries take round(26 x c / 100)
# controlling or problem-solving classes with c drawn in 35-50 %, so the
# share of entries is within 9/26 (34.6 %) and 13/26 (50 %); of minutes
# (2-5 hours each) the organization's share stays within 25-60 %
share=$(sqlat "$om" "SELECT CAST(100 * sum(CASE WHEN activity IN ('controlling','problem-solving') THEN minutes ELSE 0 END) AS BIGINT) / CAST(sum(minutes) AS BIGINT) FROM time_entry WHERE day > '2026-08-29' AND person_id IN (SELECT manager_id FROM person WHERE manager_id IS NOT NULL)")
if [ "$share" -ge 25 ] && [ "$share" -le 60 ]; then pass; else fail "overmanaged: managers' control time $share % is not in 25-60 %"; fi
# spans: 2-3 reports a manager inside a unit, a head's reports' children heads
# on top: the mean span stays under 4
expect_eq "overmanaged: mean span of control under 4" 1 \
	"$(sqlat "$om" 'SELECT CASE WHEN count(*) < 4 * count(DISTINCT manager_id) THEN 1 ELSE 0 END FROM person WHERE manager_id IS NOT NULL')"
expect_eq "overmanaged: no plan serves a strategy beyond 10 % per unit" 1 \
	"$(sqlat "$om" 'SELECT CASE WHEN 100 * (SELECT count(*) FROM plan_strategy) <= 10 * (SELECT count(*) FROM plan) THEN 1 ELSE 0 END')"
expect_eq "overmanaged: the vision's review date has passed" "1|1" \
	"$(sqlat "$om" "SELECT count(*), CASE WHEN max(review_date) < '$DAY' THEN 1 ELSE 0 END FROM vision WHERE unit_id IS NULL")"

ol=${KEEP[overled]}
# communications: 4.5-6 a person per 30 days, each to the whole unit
per30=$(sqlat "$ol" "SELECT 10 * count(*) / ((SELECT count(*) FROM person) * 3) FROM comm_recipient r JOIN comm c ON c.id = r.comm_id WHERE c.day > '2026-08-29'")
if [ "$per30" -ge 40 ] && [ "$per30" -le 62 ]; then pass; else fail "overled: ${per30}/10 communications a person per 30 days, not 4-6.2"; fi
expect_eq "overled: at most 20 % of the plans have a budget (+5 for the draws' rounding)" 1 \
	"$(sqlat "$ol" 'SELECT CASE WHEN 100 * (SELECT count(DISTINCT plan_id) FROM budget) <= 25 * (SELECT count(*) FROM plan) THEN 1 ELSE 0 END')"
# headcount: ceil(7 x 100 / fill) + 1 with fill 45-65 %: at least 12 a unit of 8
expect_eq "overled: vacancies (headcount over people at least 3:2)" 1 \
	"$(sqlat "$ol" 'SELECT CASE WHEN 2 * (SELECT sum(headcount) FROM position) >= 3 * (SELECT count(*) FROM person) THEN 1 ELSE 0 END')"

st=${KEEP[strong]}
expect_eq "strong: at least 75 % of this year's targets served by a plan (draws 75-100 %, -10 for chance)" 1 \
	"$(sqlat "$st" 'SELECT CASE WHEN 100 * (SELECT count(DISTINCT target_id) FROM plan_target) >= 65 * (SELECT count(*) FROM target) THEN 1 ELSE 0 END')"
expect_eq "strong: a current vision" "1|1" \
	"$(sqlat "$st" "SELECT count(*), CASE WHEN min(review_date) >= '$DAY' THEN 1 ELSE 0 END FROM vision WHERE unit_id IS NULL")"

wk=${KEEP[weak]}
expect_eq "weak: no vision for the organization" 0 "$(sqlat "$wk" 'SELECT count(*) FROM vision WHERE unit_id IS NULL')"

# the pulse keeps counts only: no answer row names a person
expect_eq "pulse: counts per unit and value, as many as the respondents per question" 1 \
	"$(sqlat "$st" 'SELECT CASE WHEN (SELECT sum(n) FROM pulse_count) = 2 * (SELECT count(*) FROM pulse_responded) THEN 1 ELSE 0 END')"
# the same options give the same organization
again=$(newdb arch_again) || exit 1
t2() { run "$TANDEM" --db "$again" "$@"; }
t2 balance generate --archetype strong --units 25 --seed 1 --today "$DAY"
expect_eq "the same seed gives the same organization" "$(dbsum "$st" unit person plan step time_entry signal comm_recipient)" \
	"$(dbsum "$again" unit person plan step time_entry signal comm_recipient)"

# --- refusals write nothing ---------------------------------------------------
before=$(dbsum "$st")
run "$TANDEM" --db "$st" balance generate --archetype weak --units 5 --today "$DAY"
expect_rc "a used database exits 5" 5
expect_contains "it says why" "$ERR" "the database already holds 25 unit(s): balance generate fills only an empty database"
expect_eq "nothing written into the used database" "$before" "$(dbsum "$st")"
empty=$(newdb arch_empty) || exit 1
run "$TANDEM" --db "$empty" unit list
before=$(dbsum "$empty")
run "$TANDEM" --db "$empty" balance generate --archetype bogus --units 5
expect_rc "an unknown archetype exits 3" 3
expect_contains "it names the choices" "$ERR" "--archetype: must be one of strong, overmanaged, overled, weak"
run "$TANDEM" --db "$empty" balance generate --archetype weak --units 0
expect_rc "--units 0 exits 3" 3
expect_contains "it names the range" "$ERR" "--units: must be a whole number from 1 to 2000"
run "$TANDEM" --db "$empty" balance generate --archetype weak --units 2001
expect_rc "--units 2001 exits 3" 3
run "$TANDEM" --db "$empty" balance generate --archetype weak --units 5 --people 2
expect_rc "--people 2 exits 3" 3
expect_contains "it names the range" "$ERR" "--people: must be a whole number from 3 to 60"
run "$TANDEM" --db "$empty" balance generate --units 5
expect_rc "no archetype exits 3" 3
run "$TANDEM" --db "$empty" balance generate --archetype weak
expect_rc "no --units exits 3" 3
expect_eq "no refusal wrote anything" "$before" "$(dbsum "$empty")"
run "$TANDEM" --db "$empty" balance generate --archetype weak --units 1 --people 3 --today "$DAY" --json
expect_rc "the smallest organization" 0
expect_eq "its counts" "1|3" "$(jq -r '"\(.units)|\(.people)"' <<<"$OUT")"

# --- the demo: units in three quadrants, a monthly history ---------------------
demo=$(newdb arch_demo) || exit 1
run "$TANDEM" --db "$demo" demo --today "$DAY"
expect_rc "demo" 0
run "$TANDEM" --db "$demo" --json balance --as-of "$DAY"
expect_rc "the demo's balance" 0
quad() { jq -r --arg n "$1" '.items[] | select(.name == $n) | .quadrant' <<<"$OUT"; }
expect_eq "Logistics is overmanaged and underled" overmanaged-underled "$(quad Logistics)"
expect_eq "Engineering is overled and undermanaged" overled-undermanaged "$(quad Engineering)"
expect_eq "Sales is well led and well managed" well-led-well-managed "$(quad Sales)"
# the stories, read with SQL (src/balance/archetype_demo.c): the Logistics
# manager (its first person) spends over a quarter of the last 90 days'
# logged minutes (2026-08-30 .. 2026-11-27) controlling or problem solving:
# the demo's own entries plus 26 new ones, 60 % of them (16) controlling;
# nobody in Engineering logged time in the last 28 days (its plan is a
# draft); four of its targets this year have no plan
lm=$(sqlat "$demo" "SELECT min(p.id) FROM person p JOIN unit u ON u.id = p.unit_id WHERE u.name = 'Logistics'")
share=$(sqlat "$demo" "SELECT CAST(100 * sum(CASE WHEN coalesce(te.activity, s.activity) IN ('controlling','problem-solving') THEN te.minutes ELSE 0 END) AS BIGINT) / CAST(sum(te.minutes) AS BIGINT) FROM time_entry te JOIN step s ON s.id = te.step_id WHERE te.person_id = $lm AND te.day > '2026-08-29' AND te.day <= '$DAY'")
if [ "$share" -gt 25 ]; then pass; else fail "the Logistics manager controls $share % of the time, not over 25 %"; fi
expect_eq "nobody in Engineering logged time in the last 28 days" 0 \
	"$(sqlat "$demo" "SELECT count(*) FROM time_entry te JOIN person p ON p.id = te.person_id JOIN unit u ON u.id = p.unit_id WHERE u.name = 'Engineering' AND te.day > '2026-10-30'")"
expect_eq "four of Engineering's targets have no plan" 4 \
	"$(sqlat "$demo" "SELECT count(*) FROM target t JOIN unit u ON u.id = t.unit_id WHERE u.name = 'Engineering' AND NOT EXISTS (SELECT 1 FROM plan_target pt WHERE pt.target_id = t.id)")"
# time is logged only on started steps, on working days before DAY, and the
# earned-value aggregates still match the data
expect_eq "time only on started steps" 0 \
	"$(sqlat "$demo" "SELECT count(*) FROM time_entry te JOIN step s ON s.id = te.step_id WHERE s.status NOT IN ('doing', 'done')")"
expect_eq "no time on or after DAY" 0 "$(sqlat "$demo" "SELECT count(*) FROM time_entry WHERE day >= '$DAY'")"
run "$TANDEM" --db "$demo" control verify
expect_eq "the ledger saw every new entry" "the earned-value aggregates match the data" "$OUT"
# monthly snapshots on the first day of each of the six months before
# DAY's (2026-05-01 .. 2026-10-01), and DAY itself for November
expect_eq "seven monthly snapshots" \
	"2026-05-01 2026-06-01 2026-07-01 2026-08-01 2026-09-01 2026-10-01 2026-11-27" \
	"$(sqlat "$demo" "SELECT day FROM balance_snapshot WHERE kind = 'monthly' ORDER BY day" | join_lines ' ')"
# each snapshot scores every unit (6) and the organization
expect_eq "each snapshot has 7 scores" "7" \
	"$(sqlat "$demo" 'SELECT DISTINCT count(*) FROM balance_score GROUP BY snapshot_id')"

finish
