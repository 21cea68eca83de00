/* Copeland outranking aggregation (COINr 1.1.14 a_copeland / outrankMatrix).
 *
 * Every pair of units (i, j) is compared over their children: i outranks j
 * when the weight of the children in which i is above j exceeds the weight
 * of those in which it is below (COINr: the outranking matrix entry
 * sum(w[x_i > x_j]) + sum(w[x_i == x_j]) / 2, weights summing to 1, is
 * > 0.5; the same condition). A unit's score is its number of wins minus its
 * number of losses; ties count 0. Scores run from -(n-1) to n-1.
 *
 * Equal sums are decided with a relative tolerance of 1e-12 of the compared
 * weight, so that weights such as 0.1 + 0.2 against 0.3 tie as they do in
 * exact arithmetic (COINr compares the rounded sums to 0.5 exactly).
 *
 * Missing data (libegdi's rule; COINr's differs): a pair is compared over the
 * children both units have; a pair with no child in common is not compared.
 * A unit with too few children for MinShare gets no score and takes no part
 * in the others' comparisons. COINr instead lets a child missing for either
 * unit count for neither in the upper triangle of its matrix and sets the
 * lower triangle to 1 minus the upper, so its scores with missing data depend
 * on the order of the units; without missing data both give the same scores.
 *
 * Cost: O(n^2 m) time for n units and m children (every pair of units is
 * compared on every child), inherent to the method; memory O(n) (the scores
 * are accumulated in place, no n x n matrix is stored). */
#include <math.h>

#include "methods/aggregate_more.h"

egdi_status egdi__copeland_apply(const egdi__args *a, const double *fitted)
{
    (void)fitted;
    size_t n = a->n, m = a->n_kids;
    double *cnt = a->work, need;
    egdi_status st = egdi__agg_available(a, cnt, &need);
    if (st != EGDI_OK)
        return st;
    double *score = a->out;
    for (size_t i = 0; i < n; i++)
        score[i] = egdi__agg_keeps(cnt[i], need) ? 0 : NAN;
    for (size_t i = 0; i < n; i++) {
        if (isnan(score[i]))
            continue;
        for (size_t j = i + 1; j < n; j++) {
            if (isnan(score[j]))
                continue;
            double above = 0, below = 0, common = 0;
            for (size_t c = 0; c < m; c++) {
                double w = a->weights[c], xi = a->kids[c][i], xj = a->kids[c][j];
                if (w == 0 || isnan(xi) || isnan(xj))
                    continue;
                common += w;
                if (xi > xj)
                    above += w;
                else if (xi < xj)
                    below += w;
            }
            double d = above - below;
            if (common == 0 || fabs(d) <= 1e-12 * common)
                continue;
            score[i] += d > 0 ? 1 : -1;
            score[j] += d > 0 ? -1 : 1;
        }
    }
    return EGDI_OK;
}
