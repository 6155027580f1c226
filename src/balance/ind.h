/* ind: the balance indicators' table and the state their queries fill,
 * shared by balance.c (scoring, roll-up), ind_manage.c and ind_lead.c
 * (one grouped query per indicator) and actions.c (the words). Private
 * to src/balance. */
#ifndef TANDEM_BALANCE_IND_H
#define TANDEM_BALANCE_IND_H

#include <stddef.h>
#include <stdint.h>

#include "balance/balance.h"

enum bal_ind {
	BI_P1, BI_P2, BI_P3, BI_P4,
	BI_S1, BI_S2, BI_S3, BI_S4,
	BI_C1, BI_C2, BI_C3, BI_C4,
	BI_D1, BI_D2, BI_D3, BI_D4,
	BI_A1, BI_A2, BI_A3, BI_A4,
	BI_M1, BI_M2, BI_M3, BI_M4, BI_M5,
	BI_N
};

/* One indicator of the contract (docs/balance.md). */
struct bal_def {
	const char *key, *name, *label;
	int process;
	double lo, hi;
	int excess;		/* 0 none, 1 high, -1 low */
	double weight;
	int skip;		/* empty=skip (else empty=0) */
	double scale;		/* value = num / den x scale */
	const char *source;
};
extern const struct bal_def bal_defs[BI_N];

/* The state of one computation: units in tree order (index 0..n-1) and
 * the organization (index n). num and den are per unit and indicator:
 * first each unit's own rows, then (after bal_rollup) its subtree's. */
struct bal_ctx {
	struct db *db;
	struct arena *a;
	int32_t day;
	char d[11];		/* the day as text */
	size_t n;
	int64_t *id;
	int *parent;		/* index of the parent, -1 for a root */
	const char **name;
	int *depth;		/* 0 for a root */
	double *people;		/* own, then subtree (n + 1) */
	double *num, *den;	/* (n + 1) x BI_N */
	const char **note;	/* (n + 1) x BI_N: words for why (a vision, a pulse) */
	double null_num[BI_N], null_den[BI_N];	/* rows of no unit (org-wide) */
	struct bal_key {
		int64_t id;
		int idx;
	} *keys;		/* by id, for bal_index */
};
#define BAL_AT(c, u, i) ((size_t)(u) * BI_N + (size_t)(i))

/* The index of unit id, or -1. */
int bal_index(const struct bal_ctx *c, int64_t id);
/* Runs sql (binding only the day names it uses: :day, :d28, :d30, :d90,
 * :d120, :d180, :d365) and adds its rows (unit_id, den, num for inds[0],
 * num for inds[1]...) to the units' own counts; unit_id null or 0 goes
 * to null_num/null_den. */
int bal_grouped(struct bal_ctx *c, const char *sql, const int *inds, int ninds,
		struct err *e);
/* A statement with the day names bound, for queries read row by row. */
struct stmt *bal_prepare(struct bal_ctx *c, const char *sql, struct err *e);

/* The own counts (before the roll-up) and the direct values (after it). */
int bal_manage_own(struct bal_ctx *c, struct err *e);
int bal_lead_own(struct bal_ctx *c, struct err *e);
int bal_lead_direct(struct bal_ctx *c, struct err *e);

/* The words: why (the numbers) and an action for an indicator of unit
 * index u (n: the organization), in c->a. */
const char *bal_why(const struct bal_ctx *c, size_t u, int i, const struct bal_indicator *x);
const char *bal_action(const struct bal_ctx *c, size_t u, int i, const struct bal_indicator *x);

#endif
