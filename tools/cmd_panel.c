/* egdi panel: (being written) */
#include "egdi_tool.h"

int cmd_panel(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return tool_usage("panel: not built yet");
}
