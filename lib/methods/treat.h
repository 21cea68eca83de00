/* lib/methods: outlier treatment of an indicator (COINr's Treat(): a
 * skewness/kurtosis check, winsorisation, then a log transform). The
 * methods are described like the registry's (names, parameters, defaults,
 * bounds) so that "winsorise winmax=5" parses as every method's parameters
 * do, but they are not a registry step: treatment is part of the engine's
 * treat stage (lib/engine/eval.c). Internal. */
#ifndef EGDI_TREAT_H
#define EGDI_TREAT_H

#include "methods/methods.h"

#define EGDI__TREAT_N_METHODS 3

/* The report of one indicator's treatment (egdi_treatment_info in pipeline.h). */
typedef struct egdi__treat_report {
    int method;       /* egdi_treat */
    int checked[3];   /* check 0 (input), 1 (after winsorisation), 2 (after the log) ran */
    int pass[3];      /* 1 pass, 0 fail, -1 undefined (zero variance) */
    double skew[3], kurt[3];
    size_t nwin;      /* COINr's winsorise.nwin: points at the winsorised extreme(s) */
    int winsorised, logged;
    size_t n_points;  /* units whose value the treatment changed or labelled */
} egdi__treat_report;

/* Point labels, per unit (bits) */
enum { EGDI__PT_WINHI = 1, EGDI__PT_WINLO = 2, EGDI__PT_LOG = 4 };

/* Method `id` (egdi_treat), or NULL. */
EGDI_HIDDEN const egdi__method *egdi__treat_method(int id);
EGDI_HIDDEN const egdi__method *egdi__treat_by_name(const char *name);
/* "none|winsorise|log" */
EGDI_HIDDEN const char *egdi__treat_names(void);

/* Treat x (n units; NaN missing) with method `id` and its parameters p into
 * out (out != x); pts gets the point labels per unit, rep the report. Errors
 * name the node (nm). Allocates nothing. */
EGDI_HIDDEN egdi_status egdi__treat_apply(int id, const double *p, const double *x, double *out,
                                          unsigned char *pts, size_t n, egdi__treat_report *rep,
                                          const egdi__names *nm);

#endif
