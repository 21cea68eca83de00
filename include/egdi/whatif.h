/**
 * @file whatif.h
 * @brief (being written)
 */
#ifndef EGDI_WHATIF_H
#define EGDI_WHATIF_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif

#endif
