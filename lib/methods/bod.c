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
 * Scaling: each child's column is divided by its largest value over the
 * units in the programs (s_c > 0; an all-zero column is left as it is)
 * before GLPK sees it. Scores and share bounds do not change: with
 * y'_jc = y_jc / s_c and u'_c = u_c s_c,
 *   sum_c u_c y_jc = sum_c u'_c y'_jc  for every unit j (the rows and the objective),
 *   u_c y_ic = u'_c y'_ic               (the numerators of the shares),
 * and u >= 0 <=> u' >= 0 (s_c > 0), so u -> u' maps the feasible weights of
 * one program one-to-one onto those of the other with the same objective
 * value: the optima are equal. Likewise each unit's objective is divided by
 * the unit's largest scaled value (a positive constant: the same weights are
 * optimal) and the optimum multiplied back, so that its reduced costs are of
 * order 1 and not lost below GLPK's tolerances.
 *
 * GLPK's own scaling (glp_scale_prob) is not used: on these programs it
 * failed or misled the simplex. Children of 1e300 next to children of 1 made
 * it stop with a fatal error ("glp_set_sjj: invalid scale factor"), and with
 * one child spanning a range of 1e16 or more (units (1, 4), (3, 3), (2, 1),
 * (r, 1), r <= 1e-16) the scaled simplex returned wrong optima reported as
 * optimal (1/3 for a frontier unit), an infeasibility, or never ended
 * (r = 1e-17). The column-scaled programs, every entry in [0, 1], solve
 * correctly unscaled for r down to 1e-300 (tests/methods/test_bod.c). A
 * value above 0 whose scaled value would not be a normal double (below
 * DBL_MIN times the child's largest) is refused (EGDI_ERR_DOMAIN naming
 * node, child and units): set negligible values to 0 if that is meant.
 *
 * Cost: one linear program per unit, each with a row per unit (n programs of
 * n + 2 m rows and m columns for n units and m children): at least quadratic
 * in the number of units in time (the simplex visits the rows of every
 * program), linear in memory (one program, rebuilt in place per unit). The
 * 193 countries of a survey take milliseconds, 2,000 units with 3 children
 * 0.7 s (measured), 20,000 units over a minute (quadratic growth).
 *
 * The programs are solved with GLPK's simplex method (glp_simplex, presolver
 * off, standard basis for each unit so a unit's score does not depend on the
 * order of the units, scaled as above). Every input is checked before GLPK
 * sees it (GLPK aborts the process on invalid calls): values finite and
 * >= 0, scaled values normal doubles, no duplicate or zero matrix entries,
 * indices in range.
 *
 * GLPK's state is per thread (its environment lives in thread-local storage)
 * and this call shares it with anything else the calling thread does with
 * GLPK:
 * - if the thread has no GLPK environment, this call creates one and frees it
 *   again before it returns, on success and on failure;
 * - if it has one (the caller uses GLPK itself: glp_init_env() returns 1), the
 *   call uses it and never frees it: the caller's problem objects stay valid;
 * - GLPK prints nothing: terminal output is switched off (and the caller's
 *   setting restored), and a terminal hook swallows what GLPK would print
 *   even on a fatal error;
 * - GLPK can install a terminal hook (glp_term_hook) and an error hook
 *   (glp_error_hook) but has no function that reads them, so they cannot be
 *   saved: during the call this call's hooks replace the thread's, and when
 *   it returns both are uninstalled (GLPK's defaults, NULL). A caller that
 *   uses its own GLPK hooks in the same thread must install them again after
 *   a Benefit-of-the-Doubt aggregation.
 * Should GLPK still stop with a fatal error (out of memory, or a memory
 * limit the caller set with glp_mem_limit()), the error hook jumps back here
 * and the call fails with EGDI_ERR_NO_CONVERGENCE and GLPK's message instead
 * of aborting the process. An environment this call created is then freed
 * (as GLPK requires after a fatal error); the caller's own is not: it stays
 * in GLPK's error state (glp_at_error() != 0) with this call's problem
 * object in it, for its owner to free with glp_free_env(). */
#include <float.h>
#include <glpk.h>
#include <limits.h>
#include <math.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

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
    double *scale;   /* per child: its largest value (1 if none above 0) */
    int own_env;     /* 1 if this call created the thread's GLPK environment */
    char msg[200];   /* GLPK's message on a fatal error (its first line) */
    size_t msg_len;
    int msg_done;
} bod_lp;

/* The smallest value above 0 of a child, relative to its largest, that GLPK
 * is given: a normal double (see the scaling note above). */
#define BOD_MIN_RATIO DBL_MIN

/* GLPK's terminal output: nothing is printed; the first line (GLPK's fatal
 * error message, the only output with terminal output off) is kept. */
static int quiet(void *info, const char *s)
{
    bod_lp *ctx = info;
    for (; s && *s && !ctx->msg_done; s++) {
        if (*s == '\n' || ctx->msg_len + 1 >= sizeof ctx->msg)
            ctx->msg_done = 1;
        else
            ctx->msg[ctx->msg_len++] = *s;
    }
    ctx->msg[ctx->msg_len] = '\0';
    return 1; /* nonzero: GLPK writes nothing */
}

static void on_glpk_error(void *info)
{
    bod_lp *ctx = info;
    ctx->jumped = 1;
    /* GLPK requires the environment to be freed after a fatal error; only
     * one this call created is: the caller's holds the caller's objects */
    if (ctx->own_env)
        glp_free_env(); /* invalidates ctx->lp */
    longjmp(ctx->jmp, 1);
}

/* Value of unit i for child c as the programs see it: divided by the child's
 * largest value (0 where missing). */
static double value(const bod_lp *ctx, size_t c, size_t i)
{
    double x = ctx->a->kids[c][i];
    return isnan(x) ? 0 : x / ctx->scale[c];
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
        /* the objective divided by the unit's largest (scaled) value: the same
         * weights are optimal, and its reduced costs are not below GLPK's
         * tolerances however small the unit's values are */
        double top = 0;
        for (size_t c = 0; c < a->n_kids; c++)
            if (ctx->col[c])
                top = fmax(top, value(ctx, c, i));
        if (top == 0)
            top = 1; /* every value 0: the score is 0 */
        for (size_t c = 0; c < a->n_kids; c++)
            if (ctx->col[c])
                glp_set_obj_coef(lp, ctx->col[c], value(ctx, c, i) / top);
        for (int k = 1; k <= n_cols; k++) {
            int r = n_rows + 2 * (k - 1) + 1;
            set_share_row(ctx, r, i, k, ctx->lo[k], GLP_LO, bounded && ctx->lo[k] > 0);
            set_share_row(ctx, r + 1, i, k, ctx->hi[k], GLP_UP, bounded && ctx->hi[k] < 1);
        }
        glp_std_basis(lp); /* no glp_scale_prob(): see the scaling note above */
        int ret = glp_simplex(lp, &parm);
        if (ret != 0 || glp_get_status(lp) != GLP_OPT) {
            st = egdi__fail(EGDI_ERR_NO_CONVERGENCE, "aggregate '%s': unit '%s': GLPK found no "
                            "optimal weights (glp_simplex returned %d, status %d)", a->names->node,
                            egdi__unit(a->names, i), ret, glp_get_status(lp));
            break;
        }
        /* in [0, 1] up to rounding; the frontier is exactly 1, so that its
         * units tie in ranks (the simplex leaves them a few ulps below) */
        double s = glp_get_obj_val(lp) * top;
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
        return egdi__fail(EGDI_ERR_NO_CONVERGENCE, "aggregate '%s': GLPK stopped with a fatal "
                          "error while solving the Benefit-of-the-Doubt programs (%s)",
                          ctx->a->names->node, ctx->msg_len ? ctx->msg : "no message");
    return solve_all(ctx);
}

/* Every value a program will see: finite and >= 0; each child's largest
 * value into ctx->scale, and no value above 0 below BOD_MIN_RATIO of it. */
static egdi_status check_values(bod_lp *ctx)
{
    const egdi__args *a = ctx->a;
    for (size_t c = 0; c < a->n_kids; c++) {
        ctx->scale[c] = 1;
        if (!ctx->col[c])
            continue;
        double mx = 0, mn = INFINITY;
        size_t at_max = 0, at_min = 0;
        for (size_t i = 0; i < a->n; i++) {
            double x = a->kids[c][i];
            if (isnan(x) || !egdi__agg_keeps(ctx->cnt[i], ctx->need))
                continue;
            if (!(x >= 0) || !isfinite(x))
                return egdi__fail(EGDI_ERR_DOMAIN, "aggregate '%s': unit '%s': child '%s' is "
                                  "%g: Benefit-of-the-Doubt needs finite values >= 0",
                                  a->names->node, egdi__unit(a->names, i), a->names->children[c],
                                  x);
            if (x > mx)
                mx = x, at_max = i;
            if (x > 0 && x < mn)
                mn = x, at_min = i;
        }
        if (mx == 0)
            continue; /* the child is 0 (or missing) everywhere: it enters no program */
        ctx->scale[c] = mx;
        if (!(mn / mx >= BOD_MIN_RATIO))
            return egdi__fail(EGDI_ERR_DOMAIN, "aggregate '%s': child '%s' ranges from %g (unit "
                              "'%s') to %g (unit '%s'): Benefit-of-the-Doubt takes values above "
                              "0 down to %g of a child's largest (a wider range is beyond a "
                              "double once scaled); set negligible values to 0", a->names->node,
                              a->names->children[c], mn, egdi__unit(a->names, at_min), mx,
                              egdi__unit(a->names, at_max), BOD_MIN_RATIO);
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
    ctx.val = egdi__mallocarray(m + 1, 4 * sizeof *ctx.val);
    if (!ctx.col || !ctx.ind || !ctx.val) {
        free(ctx.col), free(ctx.ind), free(ctx.val);
        return egdi__fail(EGDI_ERR_NOMEM, "aggregate '%s': out of memory", a->names->node);
    }
    ctx.lo = ctx.val + (m + 1);
    ctx.hi = ctx.val + 2 * (m + 1);
    ctx.scale = ctx.val + 3 * (m + 1);
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
            ctx.own_env = fresh == 0;
            glp_term_hook(quiet, &ctx);
            int was_out = glp_term_out(GLP_OFF);
            glp_error_hook(on_glpk_error, &ctx);
            st = solve_guarded(&ctx);
            if (ctx.own_env && !ctx.jumped) {
                glp_free_env(); /* the hooks and settings go with it */
            } else if (!ctx.own_env) {
                /* the caller's environment: GLPK cannot tell which hooks were
                 * installed before, so they are uninstalled (see above) */
                glp_error_hook(NULL, NULL);
                glp_term_hook(NULL, NULL);
                glp_term_out(was_out);
            } /* else: this call's environment was freed by the error hook */
        }
    }
    free(ctx.col), free(ctx.ind), free(ctx.val);
    return st;
}
