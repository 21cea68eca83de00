/**
 * @file panel.h
 * @brief (being written)
 */
#ifndef EGDI_PANEL_H
#define EGDI_PANEL_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif

#endif
