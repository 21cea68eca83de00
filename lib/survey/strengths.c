/* A unit's strengths and weaknesses (explain.h, egdi_explain()): each node's
 * rank for the unit, the nodes of each depth that rank it best or worst
 * labelled "strength" or "weakness" against its overall rank, and the table
 * of them. The tree, the evaluation and the table's columns are explain.c's. */
#include "survey/survey.h"

typedef egdi__explain_work work; /* survey.h */

egdi_status egdi__explain_ranks(work *w)
{
    egdi_status st = EGDI_OK;
    for (size_t q = 0; q < w->n_pre && st == EGDI_OK; q++) {
        size_t k = w->pre[q];
        st = egdi_eval_rank(w->ev, k, w->o.rank_decimals, w->ranks, w->n);
        w->rank[k] = w->ranks[w->a];
        w->n_ranked[k] = w->worst[k] = 0;
        for (size_t i = 0; i < w->n; i++) {
            w->n_ranked[k] += w->ranks[i] > 0;
            if (w->ranks[i] > w->worst[k])
                w->worst[k] = w->ranks[i];
        }
    }
    return st;
}

/* The nodes of one depth that rank the unit, best first (ties in tree order). */
static size_t candidates(const work *w, int depth, size_t *out)
{
    size_t c = 0;
    for (size_t q = 1; q < w->n_pre; q++) {
        size_t k = w->pre[q];
        if (w->depth[k] != depth || w->rank[k] <= 0)
            continue;
        size_t at = c++; /* insertion sort: a handful of nodes per depth */
        while (at > 0 && w->rank[out[at - 1]] > w->rank[k]) {
            out[at] = out[at - 1];
            at--;
        }
        out[at] = k;
    }
    return c;
}

/* Label "strength"/"weakness" per node (indexed by node position). */
static void label_nodes(work *w, const char **label)
{
    int overall = w->rank[w->root], max_depth = 0;
    for (size_t q = 0; q < w->n_pre; q++) {
        label[w->pre[q]] = "";
        if (w->depth[w->pre[q]] > max_depth)
            max_depth = w->depth[w->pre[q]];
    }
    size_t *list = w->kids + w->m; /* the stack's room, free again */
    for (int d = 1; d <= max_depth; d++) {
        size_t c = candidates(w, d, list);
        for (size_t r = 0; r < c && r < w->o.top_n; r++) {
            size_t k = list[r];
            if (overall - w->rank[k] >= w->o.min_rank_gap &&
                !(w->o.min_discard && w->rank[k] == w->worst[k]))
                label[k] = "strength";
        }
        for (size_t r = 0; r < c && r < w->o.bottom_n; r++) {
            size_t k = list[c - 1 - r];
            if (w->rank[k] - overall >= w->o.min_rank_gap)
                label[k] = "weakness";
        }
    }
}

egdi_status egdi__explain_strengths(work *w, egdi_dataset **out, const char **labels,
                                    double *tmp)
{
    static const char *const cols[] = {"depth", "value", "rank", "n_ranked", "overall_rank",
                                       "difference"};
    const char **by_node = labels + w->n_pre, **by_row = by_node + w->m;
    label_nodes(w, by_node);
    for (size_t q = 0; q < w->n_pre; q++)
        by_row[q] = by_node[w->pre[q]];
    return egdi__explain_table(w, out, "label", by_row, cols, sizeof cols / sizeof *cols,
                               labels, tmp);
}
