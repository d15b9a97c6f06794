import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import FormHelperText from '@material-ui/core/FormHelperText';
import Typography from '@material-ui/core/Typography';

/** Title, description and the problems of a whole field, around its inputs. */
export function FieldFrame(props: {
  title: string;
  description?: ReactNode;
  problems?: readonly string[];
  children: ReactNode;
}) {
  return (
    <Box mb={2}>
      <Typography variant="subtitle1" component="h3">
        {props.title}
      </Typography>
      {props.description && (
        <Typography variant="body2" color="textSecondary" component="div">
          {props.description}
        </Typography>
      )}
      {props.children}
      <ProblemLines messages={props.problems ?? []} />
    </Box>
  );
}

/** The common checks' messages for one input, in the form's error colour. */
export function ProblemLines(props: { messages: readonly string[] }) {
  if (props.messages.length === 0) return null;
  return (
    <>
      {props.messages.map(message => (
        <FormHelperText key={message} error role="alert">
          {message}
        </FormHelperText>
      ))}
    </>
  );
}
