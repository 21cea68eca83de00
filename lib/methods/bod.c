/* Benefit-of-the-Doubt aggregation: for each unit the weights most favourable
 * to it (Cherchye L., Moesen W., Rogge N., Van Puyenbroeck T. (2007), "An
 * introduction to 'benefit of the doubt' composite indicators", Social
 * Indicators Research 82, 111-145). For unit i with child values y_ic >= 0:
 *
 *   score_i = max over u >= 0 of sum_c u_c y_ic
 *             subject to sum_c u_c y_jc <= 1 for every unit j,
 *
 * so scores lie in [0, 1] and the units on the frontier score 1 (a score
 * within 1e-12 of 1 is the simplex's rounding and reported as exactly 1, so
 * that the frontier units tie in ranks). Optional
 * bounds on the share of each child in the unit's score ("pie shares"),
 *   s_c = u_c y_ic / sum_k u_k y_ik,   lo_c <= s_c <= hi_c,
 * enter as the linear constraints u_c y_ic - lo_c sum_k u_k y_ik >= 0 and
 * u_c y_ic - hi_c sum_k u_k y_ik <= 0, with
 *   lo_c = max(wmin, rmin * v_c),  hi_c = min(wmax, rmax * v_c) (rmax = 0: wmax),
 * v_c the child's iMeta weight divided by the sum of the weights of the
 * children the unit has (so rmin = 0.5, rmax = 2 keep each share between half
 * and twice its nominal weight). The iMeta weights enter nowhere else: BoD
 * chooses its own. A child the unit has at 0 while lo_c > 0 can only meet its
 * bound with a score of 0, as the definition implies; normalise to a range
 * above 0 (e.g. minmax lo=1) when using lower bounds. Bounds that no shares
 * can meet (lo_c > hi_c, sum lo > 1 or sum hi < 1 over the unit's children)
 * are an error naming node and unit.
 *
 * Missing data: a missing value counts as 0 in every program (it neither
 * raises unit i's score nor constrains the weights through unit j), and has
 * no share. Units with too few children (MinShare) get no score and take no
 * part in the others' programs. Children with weight 0 take no part.
 *
 * The programs are solved with GLPK's simplex method (glp_simplex, presolver
 * off, standard basis for each unit so a unit's score does not depend on the
 * order of the units, automatic scaling). Every input is checked before GLPK
 * sees it (GLPK aborts the process on invalid calls): values finite and
 * >= 0, no duplicate or zero matrix entries, indices in range. GLPK prints
 * nothing: its terminal output is off and a terminal hook swallows what it
 * would print even on a fatal error. Should GLPK still hit an internal error
 * (out of memory), the error hook frees the thread's GLPK environment and
 * jumps back here: the call fails with a message instead of aborting. The
 * hooks and the terminal setting are per thread (GLPK keeps its environment
 * in thread-local storage); they are reset when the computation ends, and an
 * environment this call created is freed again. */
#include <glpk.h>
#include <limits.h>
#include <math.h>
#include <setjmp.h>
#include <stdlib.h>

#include "methods/aggregate_more.h"

egdi_status egdi__bod_check(const double *p, const char *node)
{
    double wmin = p[0], wmax = p[1], rmin = p[2], rmax = p[3];
    if (wmin > wmax)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': invalid bod parameters: wmin = %g "
                          "is above wmax = %g", node, wmin, wmax);
    if (rmax != 0 && rmax < 1)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': invalid bod parameters: rmax = %g "
                          "must be 0 (no bound) or >= 1 (shares that sum to 1 need it)", node,
                          rmax);
    if (rmax != 0 && rmin > rmax)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': invalid bod parameters: rmin = %g "
                          "is above rmax = %g", node, rmin, rmax);
    return EGDI_OK;
}

typedef struct bod_lp {
    jmp_buf jmp;
    const egdi__args *a;
    const double *cnt;
    double need;
    glp_prob *lp;
    volatile int jumped; /* set by the error hook before it jumps back */
    int n_cols;     /* positively weighted children */
    int *col;       /* child -> LP column (1-based), 0 for weight 0 */
    int *ind;       /* 1-based row buffers of n_cols + 1 */
    double *val;
    double *lo, *hi; /* share bounds of the current unit per column (1-based) */
} bod_lp;

static int quiet(void *info, const char *s)
{
    (void)info, (void)s;
    return 1; /* nonzero: GLPK writes nothing */
}

static void on_glpk_error(void *info)
{
    bod_lp *ctx = info;
    ctx->jumped = 1;
    glp_free_env(); /* as GLPK requires after a fatal error; invalidates ctx->lp */
    longjmp(ctx->jmp, 1);
}

/* Values of unit i in LP column order (0 where missing). */
static double value(const bod_lp *ctx, size_t c, size_t i)
{
    double x = ctx->a->kids[c][i];
    return isnan(x) ? 0 : x;
}

/* Share bounds of unit i's children; an error if no shares can meet them. */
static egdi_status share_bounds(bod_lp *ctx, size_t i, int *any)
{
    const egdi__args *a = ctx->a;
    double wmin = a->params[0], wmax = a->params[1], rmin = a->params[2], rmax = a->params[3];
    double wsum = 0, lo_sum = 0, hi_sum = 0;
    for (size_t c = 0; c < a->n_kids; c++)
        if (ctx->col[c] && !isnan(a->kids[c][i]))
            wsum += a->weights[c];
    *any = 0;
    for (size_t c = 0; c < a->n_kids; c++) {
        int k = ctx->col[c];
        if (!k)
            continue;
        if (isnan(a->kids[c][i])) {
            ctx->lo[k] = 0, ctx->hi[k] = 1;
            continue;
        }
        double v = a->weights[c] / wsum;
        double lo = fmax(wmin, rmin * v), hi = rmax != 0 ? fmin(wmax, rmax * v) : wmax;
        if (lo > hi)
            return egdi__fail(EGDI_ERR_INVALID_INDEX, "aggregate '%s': unit '%s': child '%s' "
                              "must have a share of at least %g and at most %g of the score",
                              a->names->node, egdi__unit(a->names, i), a->names->children[c],
                              lo, hi);
        ctx->lo[k] = lo, ctx->hi[k] = hi;
        lo_sum += lo, hi_sum += hi;
        *any |= lo > 0 || hi < 1;
    }
    if (lo_sum > 1 + 1e-12 || hi_sum < 1 - 1e-12)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "aggregate '%s': unit '%s': no shares of its "
                          "children meet the bounds (their lowest shares sum to %g, their "
                          "highest to %g; the shares sum to 1)", a->names->node,
                          egdi__unit(a->names, i), lo_sum, hi_sum);
    return EGDI_OK;
}

/* Row r := sum_k u_k (delta_kc y_ic - bound * y_ik), the share row of column
 * kc, of the given type; an empty free row when the bound is inactive. */
static void set_share_row(bod_lp *ctx, int r, size_t i, int kc, double bound, int type,
                          int active)
{
    const egdi__args *a = ctx->a;
    int len = 0;
    for (size_t c = 0; active && c < a->n_kids; c++) {
        int k = ctx->col[c];
        if (!k)
            continue;
        double y = value(ctx, c, i), coef = (k == kc ? y : 0) - bound * y;
        if (coef != 0)
            ctx->ind[++len] = k, ctx->val[len] = coef;
    }
    glp_set_mat_row(ctx->lp, r, len, ctx->ind, ctx->val);
    glp_set_row_bnds(ctx->lp, r, len ? type : GLP_FR, 0, 0);
}

/* Build the unit rows once, then one program per unit. All GLPK calls are
 * here, under the error hook. */
static egdi_status solve_all(bod_lp *ctx)
{
    const egdi__args *a = ctx->a;
    int n_rows = (int)a->n, n_cols = ctx->n_cols;
    glp_prob *lp = ctx->lp = glp_create_prob();
    glp_set_obj_dir(lp, GLP_MAX);
    glp_add_cols(lp, n_cols);
    for (int k = 1; k <= n_cols; k++)
        glp_set_col_bnds(lp, k, GLP_LO, 0, 0);
    glp_add_rows(lp, n_rows + 2 * n_cols);
    for (size_t j = 0; j < a->n; j++) { /* sum_c u_c y_jc <= 1 */
        int len = 0;
        if (egdi__agg_keeps(ctx->cnt[j], ctx->need))
            for (size_t c = 0; c < a->n_kids; c++) {
                double y = value(ctx, c, j);
                if (ctx->col[c] && y != 0)
                    ctx->ind[++len] = ctx->col[c], ctx->val[len] = y;
            }
        glp_set_mat_row(lp, (int)j + 1, len, ctx->ind, ctx->val);
        glp_set_row_bnds(lp, (int)j + 1, len ? GLP_UP : GLP_FR, 0, 1);
    }
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.presolve = GLP_OFF;
    egdi_status st = EGDI_OK;
    for (size_t i = 0; i < a->n && st == EGDI_OK; i++) {
        if (!egdi__agg_keeps(ctx->cnt[i], ctx->need)) {
            a->out[i] = NAN;
            continue;
        }
        int bounded;
        if ((st = share_bounds(ctx, i, &bounded)) != EGDI_OK)
            break;
        for (size_t c = 0; c < a->n_kids; c++)
            if (ctx->col[c])
                glp_set_obj_coef(lp, ctx->col[c], value(ctx, c, i));
        for (int k = 1; k <= n_cols; k++) {
            int r = n_rows + 2 * (k - 1) + 1;
            set_share_row(ctx, r, i, k, ctx->lo[k], GLP_LO, bounded && ctx->lo[k] > 0);
            set_share_row(ctx, r + 1, i, k, ctx->hi[k], GLP_UP, bounded && ctx->hi[k] < 1);
        }
        glp_scale_prob(lp, GLP_SF_AUTO);
        glp_std_basis(lp);
        int ret = glp_simplex(lp, &parm);
        if (ret != 0 || glp_get_status(lp) != GLP_OPT) {
            st = egdi__fail(EGDI_ERR_NO_CONVERGENCE, "aggregate '%s': unit '%s': GLPK found no "
                            "optimal weights (glp_simplex returned %d, status %d)", a->names->node,
                            egdi__unit(a->names, i), ret, glp_get_status(lp));
            break;
        }
        /* in [0, 1] up to rounding; the frontier is exactly 1, so that its
         * units tie in ranks (the simplex leaves them a few ulps below) */
        double s = glp_get_obj_val(lp);
        a->out[i] = s < 0 ? 0 : s > 1 - 1e-12 ? 1 : s;
    }
    glp_delete_prob(lp);
    ctx->lp = NULL;
    return st;
}

/* setjmp in a frame of its own, whose locals do not change after it. */
static egdi_status solve_guarded(bod_lp *ctx)
{
    if (setjmp(ctx->jmp))
        return egdi__fail(EGDI_ERR_NOMEM, "aggregate '%s': GLPK failed (out of memory?) while "
                          "solving the Benefit-of-the-Doubt programs", ctx->a->names->node);
    return solve_all(ctx);
}

/* Every value a program will see: finite and >= 0. */
static egdi_status check_values(const bod_lp *ctx)
{
    const egdi__args *a = ctx->a;
    for (size_t c = 0; c < a->n_kids; c++) {
        if (!ctx->col[c])
            continue;
        for (size_t i = 0; i < a->n; i++) {
            double x = a->kids[c][i];
            if (isnan(x) || !egdi__agg_keeps(ctx->cnt[i], ctx->need))
                continue;
            if (!(x >= 0) || !isfinite(x))
                return egdi__fail(EGDI_ERR_DOMAIN, "aggregate '%s': unit '%s': child '%s' is "
                                  "%g: Benefit-of-the-Doubt needs finite values >= 0",
                                  a->names->node, egdi__unit(a->names, i), a->names->children[c],
                                  x);
        }
    }
    return EGDI_OK;
}

egdi_status egdi__bod_apply(const egdi__args *a, const double *fitted)
{
    (void)fitted;
    bod_lp ctx = {.a = a, .cnt = a->work};
    egdi_status st = egdi__agg_available(a, a->work, &ctx.need);
    if (st != EGDI_OK)
        return st;
    if (a->n > (size_t)(INT_MAX / 2) - a->n_kids)
        return egdi__fail(EGDI_ERR_UNSUPPORTED, "aggregate '%s': too many units for GLPK (%zu)",
                          a->names->node, a->n);
    size_t m = a->n_kids;
    ctx.col = egdi__mallocarray(m + 1, sizeof *ctx.col);
    ctx.ind = egdi__mallocarray(m + 1, sizeof *ctx.ind);
    ctx.val = egdi__mallocarray(m + 1, 3 * sizeof *ctx.val);
    if (!ctx.col || !ctx.ind || !ctx.val) {
        free(ctx.col), free(ctx.ind), free(ctx.val);
        return egdi__fail(EGDI_ERR_NOMEM, "aggregate '%s': out of memory", a->names->node);
    }
    ctx.lo = ctx.val + (m + 1);
    ctx.hi = ctx.val + 2 * (m + 1);
    for (size_t c = 0; c < m; c++)
        ctx.col[c] = a->weights[c] != 0 ? ++ctx.n_cols : 0;
    int any = 0;
    for (size_t i = 0; i < a->n; i++)
        any |= egdi__agg_keeps(ctx.cnt[i], ctx.need);
    st = check_values(&ctx);
    if (st == EGDI_OK && !any)
        for (size_t i = 0; i < a->n; i++)
            a->out[i] = NAN;
    if (st == EGDI_OK && any) {
        int fresh = glp_init_env();
        if (fresh != 0 && fresh != 1) {
            st = egdi__fail(EGDI_ERR_NOMEM, "aggregate '%s': GLPK could not initialise (%d)",
                            a->names->node, fresh);
        } else {
            glp_term_hook(quiet, NULL);
            int was_out = glp_term_out(GLP_OFF);
            glp_error_hook(on_glpk_error, &ctx);
            st = solve_guarded(&ctx);
            if (!ctx.jumped) { /* after a jump the environment is gone already */
                glp_error_hook(NULL, NULL);
                glp_term_out(was_out);
                glp_term_hook(NULL, NULL);
                if (fresh == 0)
                    glp_free_env();
            }
        }
    }
    free(ctx.col), free(ctx.ind), free(ctx.val);
    return st;
}
