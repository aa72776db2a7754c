{{%AUTOESCAPE context="HTML"}}{{#STEP_PASSWORD}}<form class="card narrow" method="post" action="/admin/login">
  <input type="hidden" name="_csrf" value="{{FORM_TOKEN}}">
  <input type="hidden" name="next" value="{{NEXT}}">
  <p><label for="login">Login</label>
  <input id="login" name="login" value="{{LOGIN}}" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus></p>
  <p><label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required></p>
  <p><button type="submit">Sign in</button></p>
  {{#FORGOT}}<p><a href="/admin/forgot">Forgot your password?</a></p>{{/FORGOT}}
</form>
{{/STEP_PASSWORD}}{{#STEP_CODE}}<form class="card narrow" method="post" action="/admin/login">
  <input type="hidden" name="_csrf" value="{{FORM_TOKEN}}">
  <input type="hidden" name="next" value="{{NEXT}}">
  <input type="hidden" name="pending" value="{{PENDING}}">
  <p><label for="code">Code from your authenticator app</label>
  <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required autofocus
         aria-describedby="code-help"></p>
  <p id="code-help" class="help">Six digits; or one of your recovery codes if you do not have your phone.</p>
  <p><button type="submit">Continue</button></p>
</form>
{{/STEP_CODE}}
