// Start page: what the tool does, the symptom questionnaire, and the two ways forward (paste, or the example).
import { Link } from 'react-router';
import { ExampleButton } from '../../features/example/example-button';
import { NextSteps } from '../../features/questionnaire/next-steps';
import { Questionnaire } from '../../features/questionnaire/questionnaire';

export function Component() {
  return (
    <>
      <h1>Router at 100% CPU? Check for Code Red</h1>
      <p>
        Describe the symptoms (optional), then paste the router's <code>show</code> output. You get the infected hosts and
        the configuration that stops the damage, from Cisco's tech note on Code Red.
      </p>
      <div className="actions">
        <Link className="button" to="/paste">
          Skip to pasting output
        </Link>
        <ExampleButton />
      </div>
      <h2>Symptoms</h2>
      <Questionnaire />
      <section aria-labelledby="next-heading">
        <h2 id="next-heading">What to check next</h2>
        <NextSteps />
      </section>
      <div className="actions">
        <Link className="button" to="/paste">
          Next: paste router output
        </Link>
      </div>
    </>
  );
}
