/* Shared helpers of the libFuzzer harnesses: a byte reader, invariant checks
 * that trap on violation, and dataset/ranking checkers. See fuzz/README.md. */
#ifndef EGDI_FUZZ_UTIL_H
#define EGDI_FUZZ_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include <egdi/egdi.h>

/* libFuzzer entry points (declared here for -Wmissing-prototypes) */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Print where and why, then __builtin_trap(): libFuzzer reports a crash and
 * saves the input. */
void fuzz_fail(const char *file, int line, const char *expr, const char *fmt, ...)
    __attribute__((format(printf, 4, 5), noreturn));

#define FUZZ_CHECK(cond)                                              \
    do {                                                              \
        if (!(cond))                                                  \
            fuzz_fail(__FILE__, __LINE__, #cond, "%s", "");           \
    } while (0)
#define FUZZ_CHECKF(cond, ...)                                        \
    do {                                                              \
        if (!(cond))                                                  \
            fuzz_fail(__FILE__, __LINE__, #cond, __VA_ARGS__);        \
    } while (0)

/* 1 if the check or known-bug guard @p name is made strict by the
 * environment variable EGDI_FUZZ_STRICT: "1" or "all" for every name, or a
 * comma-separated list of names ("round-bump,round-overflow"). A strict
 * known-bug guard no longer skips the inputs that trigger the bug; a strict
 * extra check (minmax-nan) is enabled. See fuzz/README.md. */
int fuzz_strict(const char *name);
/* 1 if EGDI_FUZZ_VERBOSE is set (not "0"): print every allowed failure and
 * what each harness checked, to see what an input reaches. */
int fuzz_verbose(void);


/* ---- reading structured values from the fuzzer's bytes ---- */
typedef struct fuzz_in {
    const uint8_t *p;
    size_t n;
} fuzz_in;

uint8_t fuzz_u8(fuzz_in *in);          /* 0 when the bytes are used up */
uint16_t fuzz_u16(fuzz_in *in);
uint64_t fuzz_u64(fuzz_in *in);
/* A double: most often one of a table of edge values (NaN, +-0, +-1, ties,
 * huge, tiny, subnormal, +-inf, DBL_MAX), otherwise a small decimal, or
 * raw bits. */
double fuzz_double(fuzz_in *in);
/* A weight: mostly one of 1, 0.5, 2, 1/3, 0, 3, 0.1, 1e-300, 1e300, 0.34,
 * 0.25; for bytes 250..254 an invalid or odd one (NaN, inf, -1, -0, the
 * smallest subnormal), which the setters must refuse or accept consistently. */
double fuzz_weight(fuzz_in *in);

/* ---- invariants ---- */

/* Call before a checked library call: the failure check then sees only the
 * message of that call. */
void fuzz_before_call(void);
/* A failing call: non-zero status, *out still NULL, a non-empty message,
 * egdi_last_status() == st, known status name. @p out_value is the value of
 * the out-pointer after the call (NULL if the call has none). */
void fuzz_check_failure(egdi_status st, const void *out_value);
/* For calls that may fail: checks the failure contract when st != EGDI_OK. */
void fuzz_check_status(egdi_status st, const void *out_value);

/* Counts and codes of a dataset: n_units/n_columns agree with the getters,
 * every code and name is non-NULL, codes non-empty and unique
 * (egdi_dataset_find_unit returns the same position), column names
 * non-empty and unique (egdi_dataset_find_column returns the same position),
 * label levels distinct and consistent with the per-unit labels. With
 * @p finite_numbers, numeric values must be finite or NaN (the readers
 * refuse infinity). */
void fuzz_check_dataset(const egdi_dataset *ds, int finite_numbers);

/* Same units (codes, names, order), same columns (names, kinds) and the same
 * values: numbers bitwise equal or both NaN, labels equal text. */
void fuzz_check_same_dataset(const egdi_dataset *a, const egdi_dataset *b);

/* Write @p ds with egdi_dataset_write_csv_stream() to an open_memstream
 * buffer; returns the text (malloc'd; *len its length) or NULL if the write
 * failed (a failure is checked against the failure contract). */
char *fuzz_write_csv(const egdi_dataset *ds, const egdi_csv_options *opts, size_t *len);

/* Check a ranking of x (as egdi_rank computed it with @p ties on @p keys,
 * the values after rounding; NaN = missing): missing values have rank 0;
 * for m non-missing values the ranks lie in 1..m; equal keys have equal
 * ranks, a higher key never has a worse rank; and per rule: MIN = competition
 * ranking (a rank r that occurs k times is followed by rank r + k, the first
 * is 1), DENSE = 1..d without gaps, FIRST = a permutation of 1..m. */
void fuzz_check_ranks(const double *keys, size_t n, egdi_ties ties, const int *ranks);

/* The same competition-ranking check for ranks stored as doubles (the rank
 * column of a ranking table; NaN = not ranked). */
void fuzz_check_competition_ranks(const double *ranks, size_t n);

/* A ranking table of egdi_survey_compute_ex() on @p data: a valid dataset
 * with the units of @p data in order; the columns osi, tii, hci, egdi, rank
 * (numeric), group and rating_class (labels); ranks a competition ranking,
 * rank and group present exactly when the EGDI is, both monotone in the EGDI;
 * known group and class labels, classes exactly for grouped units from 2020
 * and none before. */
void fuzz_check_survey_table(const egdi_dataset *data, const egdi_dataset *table, int edition);

/* The registry entry of method @p id of @p step (and its position); 0 if none. */
int fuzz_method_info(egdi_step step, int id, egdi_method_info *info, size_t *pos);

/* A definition as a reader or the setters leave it: it validates; codes
 * unique; parents are aggregates, no cycle; weights finite >= 0; directions
 * +-1; MinShare in [0, 1] for aggregates; levels (1 for indicators, 1 + the
 * highest child for aggregates); every step's method from the registry with
 * finite parameters inside the registry's bounds; a group column exactly for
 * the group imputations. */
void fuzz_check_index(const egdi_index *idx);

/* Same nodes (by code) with the same names, parents, sources, weights
 * (bitwise), directions, levels, MinShare, methods and parameters. */
void fuzz_check_same_index(const egdi_index *a, const egdi_index *b);

/* A result of egdi_compute(idx, ds): counts; scores, raw values and the
 * matrix agree; imputed flags 0/1 (all 0 without imputation); a missing raw
 * value has a missing score; no normalisation = the raw value; min-max with
 * the default range in [0, 1] within 1e-12 or NaN; goalposts in [0, scale];
 * fraction of the maximum <= 1. If @p scores_out is not NULL, node i's
 * scores are copied to scores_out[i]. */
void fuzz_check_result(const egdi_index *idx, const egdi_dataset *ds, const egdi_result *res,
                       double **scores_out);

/* 1 if a and b are bitwise equal or both NaN. */
int fuzz_same_double(double a, double b);

#endif
