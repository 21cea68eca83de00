/* lib/model: the index definition (a forest of nodes) and its one validator.
 * Internal. */
#ifndef EGDI_MODEL_H
#define EGDI_MODEL_H

#include "core/core.h"
#include "methods/methods.h"

/* A node's method for one step, with every parameter (defaults filled in). */
typedef struct egdi__method_cfg {
    int id;
    double p[EGDI__MAX_PARAMS];
} egdi__method_cfg;

typedef struct egdi__node {
    char *code, *name, *source; /* source: indicators only */
    long parent;                /* -1 for roots; always before the node in storage */
    int is_indicator;
    double weight;
    int direction;
    double cap_lo, cap_hi;      /* NaN = none */
    egdi__method_cfg m[EGDI__N_STEPS]; /* by egdi_step */
    char *impute_group;         /* label column of a group imputation, or NULL */
    double min_share;           /* aggregates: share of children needed */
    char *norm_unit;            /* the normalisation's unit parameter as a unit code
                                 * (dist2ref ref=CODE), resolved by the plan; or NULL */
    char *denominator;          /* indicators: data column the source is divided by, or NULL */
    egdi__method_cfg treat;     /* indicators: outlier treatment (methods/treat.h) */
} egdi__node;

struct egdi_index {
    egdi__node *nodes;
    size_t n_nodes, cap_nodes;
    egdi__strmap map;           /* node code -> position */
};

/* Position of a node, or -1. */
EGDI_HIDDEN long egdi__index_find(const egdi_index *idx, const char *code);
/* Levels of every node (1 = indicators and childless nodes), in one pass. */
EGDI_HIDDEN void egdi__index_levels(const egdi_index *idx, int *levels);
/* The node `code` of idx for a setter: EGDI_ERR_INVALID_ARG if idx or code
 * is NULL, EGDI_ERR_NOT_FOUND naming the code if there is no such node. */
EGDI_HIDDEN egdi_status egdi__index_lookup(egdi_index *idx, const char *code, egdi__node **out);
/* Replace *dst (freed) by a copy of s; EGDI_ERR_NOMEM leaves *dst as it was. */
EGDI_HIDDEN egdi_status egdi__index_set_string(char **dst, const char *s);

#endif
