package com.acme.servicenow.spoke;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mozilla.javascript.CompilerEnvirons;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.EvaluatorException;
import org.mozilla.javascript.Parser;
import org.mozilla.javascript.Token;
import org.mozilla.javascript.ast.ArrayLiteral;
import org.mozilla.javascript.ast.AstNode;
import org.mozilla.javascript.ast.AstRoot;
import org.mozilla.javascript.ast.BigIntLiteral;
import org.mozilla.javascript.ast.ComputedPropertyKey;
import org.mozilla.javascript.ast.ForInLoop;
import org.mozilla.javascript.ast.FunctionCall;
import org.mozilla.javascript.ast.FunctionNode;
import org.mozilla.javascript.ast.GeneratorMethodDefinition;
import org.mozilla.javascript.ast.InfixExpression;
import org.mozilla.javascript.ast.LetNode;
import org.mozilla.javascript.ast.ObjectLiteral;
import org.mozilla.javascript.ast.ObjectProperty;
import org.mozilla.javascript.ast.TaggedTemplateLiteral;
import org.mozilla.javascript.ast.TemplateLiteral;
import org.mozilla.javascript.ast.VariableDeclaration;
import org.mozilla.javascript.ast.Yield;

/**
 * Finds syntax that ServiceNow's legacy (ES5) engine rejects. Rhino 1.8 accepts {@code const},
 * arrow functions, template literals and method shorthand even at its default language version,
 * so parsing alone proves nothing; this walks the AST (parsed leniently at ES6 level so that every
 * construct becomes a node) and reports each post-ES5 construct with its line.
 */
final class Es5Checker {

  private static final Set<Integer> ES6_OPERATORS =
      Set.of(Token.EXP, Token.ASSIGN_EXP, Token.ASSIGN_NULLISH, Token.NULLISH_COALESCING, Token.QUESTION_DOT);

  private Es5Checker() {}

  static List<String> violations(String source, String name) {
    List<String> out = new ArrayList<>();
    CompilerEnvirons env = new CompilerEnvirons();
    env.setLanguageVersion(Context.VERSION_ES6);
    env.setRecordingComments(false);
    AstRoot root;
    try {
      root = new Parser(env).parse(source, name, 1);
    } catch (EvaluatorException e) {
      out.add("syntax error: " + e.getMessage());
      return out;
    }
    root.visit(
        node -> {
          String what = describe(node);
          if (what != null) {
            out.add(name + ":" + node.getLineno() + " " + what);
          }
          return true;
        });
    // `class` and `let` are reserved only from ES6 on; a legacy-mode parse must also succeed.
    CompilerEnvirons legacy = new CompilerEnvirons();
    legacy.setLanguageVersion(Context.VERSION_DEFAULT);
    try {
      new Parser(legacy).parse(source, name, 1);
    } catch (EvaluatorException e) {
      out.add("syntax error at default language version: " + e.getMessage());
    }
    return out;
  }

  private static String describe(AstNode node) {
    if (node instanceof VariableDeclaration v && (v.isConst() || v.isLet())) {
      return v.isConst() ? "const declaration" : "let declaration";
    }
    if (node instanceof LetNode) {
      return "let block";
    }
    if (node instanceof FunctionNode f) {
      if (f.getFunctionType() == FunctionNode.ARROW_FUNCTION) {
        return "arrow function";
      }
      if (f.getDefaultParams() != null && !f.getDefaultParams().isEmpty()) {
        return "default parameter";
      }
      if (f.isES6Generator()) {
        return "generator function";
      }
    }
    if (node instanceof TemplateLiteral || node instanceof TaggedTemplateLiteral) {
      return "template literal";
    }
    if (node instanceof ObjectProperty p && (p.isNormalMethod() || p.isShorthand())) {
      return p.isShorthand() ? "shorthand property" : "method shorthand";
    }
    if (node instanceof ComputedPropertyKey) {
      return "computed property key";
    }
    if (node instanceof GeneratorMethodDefinition || node instanceof Yield) {
      return "generator";
    }
    if (node instanceof BigIntLiteral) {
      return "BigInt literal";
    }
    if (node instanceof ForInLoop loop && (loop.isForOf() || loop.isForEach())) {
      return "for-of / for-each loop";
    }
    if (node instanceof ArrayLiteral a && a.isDestructuring()) {
      return "array destructuring";
    }
    if (node instanceof ObjectLiteral o && o.isDestructuring()) {
      return "object destructuring";
    }
    if (node instanceof InfixExpression i && ES6_OPERATORS.contains(i.getOperator())) {
      return "operator " + Token.typeToName(i.getOperator());
    }
    if (node.getType() == Token.QUESTION_DOT
        || (node instanceof FunctionCall c && c.isOptionalCall())) {
      return "optional chaining";
    }
    return null;
  }
}
