/* lib/methods: the method registry. One descriptor per method; everything
 * else (iMeta names and parameters, validation, defaults, the public
 * enumeration, the names the tool and Python accept, the lists in error
 * messages) is derived from the table in registry.c. Internal. */
#ifndef EGDI_METHODS_H
#define EGDI_METHODS_H

#include <math.h>

#include "core/core.h"

#define EGDI__MAX_PARAMS 4
#define EGDI__N_STEPS 3

/* Kinds of parameter (egdi__param.flags; 0 = any real number in the bounds). */
enum {
    EGDI__P_LO_OPEN = 1,  /* the value must be strictly above lo */
    EGDI__P_INTEGER = 2,  /* a whole number (0|1 switches, positions) */
    /* one of the words listed before the first ':' of the summary, separated
     * by '|' ("population|sample: ..."): stored as the word's position 0, 1, ...;
     * the position is accepted as well and the word is what is written */
    EGDI__P_KEYWORD = 4,
    /* a unit: its 1-based position in the data (as COINr's iref). As text it may
     * be the unit's code, which egdi__method_params_text_unit() hands back for
     * the plan to resolve against the data (egdi__method_resolve_unit()). */
    EGDI__P_UNIT = 8
};

/* A method's parameter: name (as in "lo=0"), default (NaN = required),
 * bounds (NaN = none) and its kind (EGDI__P_* flags). The names "lower" and
 * "upper" are accepted for "lo" and "hi" in parameter text. */
typedef struct egdi__param {
    const char *name;
    const char *summary;
    double dflt;
    double lo, hi;
    unsigned flags;
} egdi__param;

/* Names used in messages: the node being computed, its children (aggregates)
 * and the unit codes. */
typedef struct egdi__names {
    const char *node;
    const char *const *children;
    const char *unit_text;
    const size_t *unit_off;
} egdi__names;

static inline const char *egdi__unit(const egdi__names *nm, size_t i)
{
    return nm->unit_text + nm->unit_off[i];
}

/* The scratch every method may use (egdi__args work and iwork), for n units
 * and at most n_groups groups: what the engine (eval.c) and the array-level
 * functions (method_array.c) allocate. Never 0. */
static inline size_t egdi__work_size(size_t n, size_t n_groups)
{
    size_t m = n > n_groups ? n : n_groups;
    return m ? 2 * m : 1;
}
static inline size_t egdi__iwork_size(size_t n_groups) { return 2 * n_groups + 1; }

/* Everything a method's fit or apply sees. Arrays are columns of n units;
 * NaN is missing. Only the members of the method's step are set. */
typedef struct egdi__args {
    size_t n;
    const double *params;      /* n_params values, defaults filled in */
    const egdi__names *names;
    double *work;              /* egdi__work_size(n, n_groups) doubles of scratch */
    size_t *iwork;             /* egdi__iwork_size(n_groups) size_t of scratch */
    /* normalise and impute: x in, out out (out may equal x for normalise) */
    const double *x;
    double *out;
    /* impute */
    const int *groups;         /* level per unit (-1 = none), or NULL */
    size_t n_groups;
    unsigned char *flags;      /* 1 where a value was imputed */
    /* aggregate */
    const double *const *kids; /* child columns */
    const double *weights;
    size_t n_kids;
    double min_share;
    /* normalise: the node's direction (+1 or -1; 0 = +1). x is already
     * multiplied by it; methods whose parameters are in the indicator's own
     * units (goalposts, targets, bounds) flip them with it, as COINr does. */
    int direction;
} egdi__args;

enum {
    EGDI__M_DATA_DRIVEN = EGDI_METHOD_DATA_DRIVEN,
    EGDI__M_NEEDS_POSITIVE = EGDI_METHOD_NEEDS_POSITIVE,
    EGDI__M_USES_GROUPS = EGDI_METHOD_USES_GROUPS
};

typedef struct egdi__method {
    egdi_step step;
    int id;                     /* the public enum value */
    const char *name;
    const char *summary;
    const egdi__param *params;
    size_t n_params;
    size_t n_required;          /* the first n_required params have no default */
    unsigned flags;
    /* cross-parameter rules (e.g. lo < hi), after defaults and bounds; NULL = none */
    egdi_status (*check)(const double *p, const char *node);
    size_t n_fitted;            /* fitted statistics; per group if EGDI__M_USES_GROUPS */
    egdi_status (*fit)(const egdi__args *a, double *fitted);        /* NULL if none */
    egdi_status (*apply)(const egdi__args *a, const double *fitted);
} egdi__method;

/* normalise.c, aggregate.c, impute.c: the tables of each step, indexed by id */
EGDI_HIDDEN extern const egdi__method egdi__normalise_methods[];
EGDI_HIDDEN extern const size_t egdi__n_normalise_methods;
EGDI_HIDDEN extern const egdi__method egdi__aggregate_methods[];
EGDI_HIDDEN extern const size_t egdi__n_aggregate_methods;
EGDI_HIDDEN extern const egdi__method egdi__impute_methods[];
EGDI_HIDDEN extern const size_t egdi__n_impute_methods;

/* normalise_rank.c, normalise_dist.c, transform.c: methods of the normalise table */
EGDI_HIDDEN egdi_status egdi__norm_rank_apply(const egdi__args *a, const double *fitted);
EGDI_HIDDEN egdi_status egdi__norm_prank_apply(const egdi__args *a, const double *fitted);
EGDI_HIDDEN egdi_status egdi__norm_borda_apply(const egdi__args *a, const double *fitted);
EGDI_HIDDEN egdi_status egdi__norm_dist2max_fit(const egdi__args *a, double *fitted);
EGDI_HIDDEN egdi_status egdi__norm_dist2max_apply(const egdi__args *a, const double *fitted);
EGDI_HIDDEN egdi_status egdi__norm_dist2ref_fit(const egdi__args *a, double *fitted);
EGDI_HIDDEN egdi_status egdi__norm_dist2ref_apply(const egdi__args *a, const double *fitted);
EGDI_HIDDEN egdi_status egdi__norm_dist2targ_fit(const egdi__args *a, double *fitted);
EGDI_HIDDEN egdi_status egdi__norm_dist2targ_apply(const egdi__args *a, const double *fitted);
EGDI_HIDDEN egdi_status egdi__norm_boxcox_fit(const egdi__args *a, double *fitted);
EGDI_HIDDEN egdi_status egdi__norm_boxcox_apply(const egdi__args *a, const double *fitted);
EGDI_HIDDEN egdi_status egdi__norm_log_fit(const egdi__args *a, double *fitted);
EGDI_HIDDEN egdi_status egdi__norm_log_apply(const egdi__args *a, const double *fitted);

/* ---- statistics of a column shared by the methods and lib/analysis ---- */

/* Lowest and highest non-missing value of x[0..n), and the first unit holding
 * each (at_min, at_max may be NULL); returns how many values are present
 * (none: *mn = +Inf, *mx = -Inf, positions 0). (normalise_dist.c) */
EGDI_HIDDEN size_t egdi__extremes(const double *x, size_t n, double *mn, double *mx,
                                  size_t *at_min, size_t *at_max);

/* COINr's log_CT of a value x of a column with lowest value mn and highest
 * mx: log(x - mn + 0.01 (mx - mn)) (used by the log normalisation and by the
 * outlier treatment). */
static inline double egdi__log_ct(double x, double mn, double mx)
{
    return log(x - mn + 0.01 * (mx - mn));
}

/* Moments of the non-missing values of a column, with R's arithmetic (the one
 * implementation behind COINr's Treat() checks, get_stats(), egdi_skewness()
 * and egdi_kurtosis()): mean as R's mean() (a long double sum, then the mean
 * residual added back), sd as R's sd() (divisor m - 1), skewness and excess
 * kurtosis as e1071 type 2 (COINr's skew() and kurt()): deviations
 * d = x - mean in double, d^2 = d * d, d^3 and d^4 by pow(), each sum in long
 * double, as R's `^` and sum() compute them. NaN where undefined: everything
 * with m = 0, sd with m < 2, skewness with m < 3, kurtosis with m < 4, and
 * both when the values have no spread. */
typedef struct egdi__moments {
    size_t m;          /* values present */
    double mean, sd;
    double skew, kurt; /* type 2, excess kurtosis */
    double min, max;
} egdi__moments;
/* (treat.c) */
EGDI_HIDDEN void egdi__moments_of(const double *x, size_t n, egdi__moments *mo);

/* registry.c */
EGDI_HIDDEN const egdi__method *egdi__method_get(egdi_step step, int id);
EGDI_HIDDEN const egdi__method *egdi__method_by_name(egdi_step step, const char *name);
/* "none|zscore|minmax|goalposts|fracmax" */
EGDI_HIDDEN const char *egdi__method_names(egdi_step step, char *buf, size_t size);
/* The iMeta column holding a step's parameters ("NormParams", "AggParams"; NULL if none). */
EGDI_HIDDEN const char *egdi__step_params_column(egdi_step step);
/* Parameters from numbers in order (n_given may be fewer than n_params; the
 * rest take defaults). Errors name the node. */
EGDI_HIDDEN egdi_status egdi__method_params(const egdi__method *m, const double *given,
                                            size_t n_given, const char *node, double *p);
/* Parameters from text: "lo=0 hi=100", or numbers in order "0 100", or "". */
EGDI_HIDDEN egdi_status egdi__method_params_text(const egdi__method *m, const char *text,
                                                 const char *node, double *p);
/* As egdi__method_params_text(), where the method's unit parameter (if any)
 * may be given as a unit code: then *code points at it in `text` (*code_len
 * bytes; NULL if given as a position or not at all) and its value is NaN
 * until egdi__method_resolve_unit() sets it. egdi__method_params_text()
 * refuses a code (it has nowhere to keep it). */
EGDI_HIDDEN egdi_status egdi__method_params_text_unit(const egdi__method *m, const char *text,
                                                      const char *node, double *p,
                                                      const char **code, size_t *code_len);
/* Position (0-based) of the method's unit parameter, or -1 if it has none. */
EGDI_HIDDEN int egdi__method_unit_param(const egdi__method *m);
/* Set the unit parameter of p from a unit code: its 1-based position among
 * n_units codes found by find(ctx, code, &pos). EGDI_ERR_NOT_FOUND naming the
 * node and the code if the data has no such unit. */
EGDI_HIDDEN egdi_status egdi__method_resolve_unit(const egdi__method *m, double *p,
                                                  const char *code, const char *node,
                                                  int (*find)(const void *ctx, const char *code,
                                                              size_t *pos),
                                                  const void *ctx);
/* Write "lo=0 hi=100" (every parameter; nothing for a method without any);
 * keywords as words. */
EGDI_HIDDEN void egdi__method_write_params(const egdi__method *m, const double *p, FILE *fp);
/* As egdi__method_write_params(), the unit parameter written as unit_code
 * when it is not NULL. */
EGDI_HIDDEN void egdi__method_write_params_unit(const egdi__method *m, const double *p,
                                                const char *unit_code, FILE *fp);
/* impute_rows.c: a new dataset with the units of src and (copies of) its
 * columns keep[0..n_keep): the frame of the imputations' flag and source
 * tables. */
EGDI_HIDDEN egdi_status egdi__units_with_columns(const egdi_dataset *src, const size_t *keep,
                                                 size_t n_keep, egdi_dataset **out);
/* Size of the fitted statistics of a method for a column with n_groups levels. */
static inline size_t egdi__method_fitted_size(const egdi__method *m, size_t n_groups)
{
    return (m->flags & EGDI__M_USES_GROUPS) ? n_groups : m->n_fitted;
}

#endif
