// Let ODK's form engine (JavaRosa, inside the ODK Validate jar that pyxform ships) score
// submissions: load the form once, then for each instance file put its answers into the form,
// let the engine compute every calculate, and print the scores it computed.
//
// Usage: java -cp ODK_Validate.jar:. ScoreCheck FORM.xml INSTANCE.xml...
// Output: one line per instance: "<file>\t<name>=<value>\t..." for every "*_score" field.

import java.io.FileInputStream;
import java.nio.file.Files;
import java.nio.file.Paths;

import org.javarosa.core.model.FormDef;
import org.javarosa.core.model.data.IAnswerData;
import org.javarosa.core.model.instance.InstanceInitializationFactory;
import org.javarosa.core.model.instance.TreeElement;
import org.javarosa.xform.parse.XFormParser;
import org.javarosa.xform.util.XFormUtils;
import org.javarosa.model.xform.XFormsModule;

public class ScoreCheck {
    public static void main(String[] args) throws Exception {
        new XFormsModule().registerModule();  // how restored answers are parsed
        FormDef form = XFormUtils.getFormFromInputStream(new FileInputStream(args[0]));
        TreeElement pristine = form.getMainInstance().getRoot().deepCopy(true);
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < args.length; i++) {
            byte[] bytes = Files.readAllBytes(Paths.get(args[i]));
            TreeElement saved = XFormParser.restoreDataModel(bytes, null).getRoot();
            TreeElement root = pristine.deepCopy(true);
            root.populate(saved, form);
            form.getMainInstance().setRoot(root);
            form.initialize(false, new InstanceInitializationFactory());
            out.append(args[i]);
            collect(form.getMainInstance().getRoot(), out);
            out.append('\n');
        }
        System.out.print(out);
    }

    private static void collect(TreeElement element, StringBuilder out) {
        String name = element.getName();
        if (name != null && name.endsWith("_score")) {
            IAnswerData value = element.getValue();
            out.append('\t').append(name).append('=')
                .append(value == null ? "" : value.getDisplayText());
        }
        for (int i = 0; i < element.getNumChildren(); i++) {
            collect(element.getChildAt(i), out);
        }
    }
}
