package dev.benchrun.render;

import dev.benchrun.json.Json;
import dev.benchrun.model.Report;

/**
 * A report as JSON (docs/report-json.md); a compare result as compare JSON (docs/compare-json.md).
 * Both are benchrun's one mapper's view of the model, so they follow the records field by field.
 */
final class ReportJson {

    private ReportJson() {}

    static String render(Report r) {
        return r.run() == null ? Json.write(r.comparison()) : Json.write(r);
    }
}
