package dev.jctl.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.cli.output.ObjectPrinter;
import java.io.PrintWriter;
import java.util.List;

/** Shapes shared by the cluster commands' output. */
final class Printing {
    private Printing() {
    }

    /** What kubectl apply prints for {@code -o} other than name: one object as itself, several as a typed List. */
    static void printApplied(PrintWriter out, ObjectPrinter printer, List<JsonNode> objects) {
        if (objects.size() == 1) {
            printer.print(out, objects.get(0), "");
        } else {
            printer.printTypedList(out, objects);
        }
    }
}
