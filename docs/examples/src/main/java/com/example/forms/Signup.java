package com.example.forms;

import dev.strand.Context;
import dev.strand.annotation.FormParam;
import dev.strand.annotation.Post;

/** An HTML form posted as {@code application/x-www-form-urlencoded}. */
public final class Signup {

    // #region form-param
    @Post("/signup")
    public String signup(@FormParam String email, @FormParam(value = "age", defaultValue = "18") int age) {
        return "Welcome, " + email + " (" + age + ")";
    }
    // #endregion form-param

    // #region form-context
    @Post("/newsletter")
    public String newsletter(Context ctx) {
        var email = ctx.formParam("email");                   // null when absent
        var topics = ctx.formParams("topic");                 // every value, in order
        return email + " follows " + String.join(", ", topics);
    }
    // #endregion form-context
}
